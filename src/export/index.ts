export { reportToTidyRows } from './tidy.js';
export { createWriter, OUTPUT_FORMATS, type OutputFormat, type ReportWriter } from './writers.js';
