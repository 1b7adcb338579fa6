export { reportToTidyRows } from './tidy.js';
export { createWriter, OUTPUT_FORMATS, writerTextFormat, type OutputFormat, type ReportWriter } from './writers.js';
export { isSerialized, serialize, summarize, textOf, type Parsed, type ReportSummary, type SerializedReport, type TextFormat } from './serialize.js';
