export * from './report.js';
export * from './template.js';
export * from './tidy.js';
export { tableVersion, validateReport } from './validate.js';
export * from './relations.js';
export * from './indicators.js';
export * from './indicator-definitions.js';
