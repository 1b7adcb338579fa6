export * from './report.js';
export * from './template.js';
export * from './tidy.js';
export { validateReport } from './validate.js';
