/** Which format a report year uses (formats.md), without loading the form data. */
export const formatForYear = (year: number) => (year >= 2021 ? '2021' : '2019');
