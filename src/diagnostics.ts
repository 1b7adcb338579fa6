import type { Diagnostic, Severity, Where } from './schema/index.js';

/** Build a diagnostic; optional fields are left out rather than set to undefined, so JSON stays small. */
export function diagnostic(
  severity: Severity,
  rule: string,
  message: string,
  extra: { where?: Where; expected?: number | string; actual?: number | string } = {},
): Diagnostic {
  const d: Diagnostic = { severity, rule, message };
  if (extra.where && Object.keys(extra.where).length > 0) d.where = extra.where;
  if (extra.expected !== undefined) d.expected = extra.expected;
  if (extra.actual !== undefined) d.actual = extra.actual;
  return d;
}
