/** "1 error", "5 errors": an English count with its noun in the right number (Chinese needs none). */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
