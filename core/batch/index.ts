/** A batch of submissions: verdicts, expected departments, duplicates, year and format, notices, the bulk report. */
export { analyseBatch, localTime, yearInFileName, type Batch, type BatchFile, type BatchOptions, type BatchRow } from './analyse';
export { agencyKey, matchListed, officeOf, parseAgencyList, sameAgency } from './agency';
export { renderNotice, sendBackNotices, type Notice } from './notices';
export { batchDocument, changeLines, changesTable, filesTable, renderBatchReport } from './report';
export { batchListing, batchListingLines, batchSummary, yearsHint } from './text';
export { fileVerdict, reportVerdict, VERDICT_COLOUR, VERDICTS, verdictName, type Verdict } from './verdict';
export { selectClean, type CleanSelection } from './clean';
export { batchFindingsOf, compactResult, omittedCounts, withBatchFindings, withOmitted } from './compact';
