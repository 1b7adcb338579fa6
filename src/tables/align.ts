/**
 * Placing value units in template rows that follow a fixed order (表三). A unit goes to the
 * row its own label names (on its own line), else the row a label just before it names (plain
 * text flows label then values), when the labels before it that name rows still to come are one
 * for each unit they stand before; never behind the row placed last. Units with no label are
 * placed by position between two placed rows, only when every unit between them is known to be
 * one row and their number is the number of rows between.
 *
 * A label on another line than its values is taken only when nothing else could be meant: with
 * a label too many or too few, a row whose values are missing lends its label to the next row's,
 * and text that prints a label after its values (raw PDF text, a converter's table cut in two)
 * reads the same as text that prints it before. Deleting any one line of our text fixtures (and
 * of the real texts and seeds: 5,276 documents) showed both: 18 read wrong values, now null.
 */
export interface Candidate<U> {
  unit: U;
  /** Rows (template indexes) named by the labels on the unit's own line, nearest last. */
  own: ReadonlyArray<readonly number[]>;
  /** Per numbered label just before the unit in the same text flow, the rows it can name. */
  near: ReadonlyArray<readonly number[]>;
  /** Units those labels stand before: 1, k for the first of k rows stacked under them, 0 for the others of the k. */
  stack: number;
  /** How many rows the unit is: 0 (a stray number), 1, or null (values of several rows run together). */
  span: 0 | 1 | null;
  /** A subtotal (a group label alone beside values): not a template row. */
  subtotal: boolean;
}

export interface Placement<U> {
  index: number;
  unit: U;
  by: 'label' | 'position';
}

export type Refusal<U> = { unit: U; why: 'unknown' | 'duplicate' | 'subtotal' };

export function alignInOrder<U>(candidates: ReadonlyArray<Candidate<U>>, rowCount: number): { placed: Placement<U>[]; refused: Refusal<U>[] } {
  const placed: Placement<U>[] = [];
  const refused: Refusal<U>[] = [];
  let last = -1;
  let pending: Array<Candidate<U>> = [];
  let near: readonly number[] = [];
  /** Rows the units still unplaced take, or null when some unit's count of rows is unknown. */
  const waiting = () => (pending.some((p) => p.span === null) ? null : pending.filter((p) => p.span === 1).length);
  const fillGap = (until: number) => {
    const gap = Array.from({ length: Math.max(0, until - last - 1) }, (_, i) => last + 1 + i);
    const rows = pending.filter((p) => p.span === 1);
    if (waiting() === gap.length && gap.length > 0) rows.forEach((c, i) => placed.push({ index: gap[i]!, unit: c.unit, by: 'position' }));
    else for (const c of rows) refused.push({ unit: c.unit, why: 'unknown' });
    for (const c of pending) if (c.span !== 1) refused.push({ unit: c.unit, why: 'unknown' });
    pending = [];
  };
  for (const c of candidates) {
    if (c.subtotal) {
      refused.push({ unit: c.unit, why: 'subtotal' });
      continue;
    }
    // Rows stacked under shared labels take them in turn, as counted at the first of them.
    if (c.stack > 0) near = labelsFor(c.near, c.stack, last);
    // A stray number is no row, whatever label stands before it.
    const target = ownTarget(c.own, last) ?? (c.span === 0 ? undefined : firstAfter(near, last));
    if (target === undefined) {
      if (c.own.some((rows) => rows.length > 0)) refused.push({ unit: c.unit, why: 'duplicate' });
      else pending.push(c);
      continue;
    }
    fillGap(target);
    placed.push({ index: target, unit: c.unit, by: 'label' });
    last = target;
  }
  fillGap(rowCount);
  return { placed, refused };
}

/** The rows the labels name, when those naming a row after `last` are one for each unit (a label printed twice is one); else none. */
function labelsFor(labels: ReadonlyArray<readonly number[]>, units: number, last: number): readonly number[] {
  const naming = new Map<string, readonly number[]>();
  for (const rows of labels) if (rows.some((r) => r > last)) naming.set(rows.join(), rows);
  return naming.size === units ? [...naming.values()].flat() : [];
}

/** The nearest own label that names a row after `last` (its first such row). */
function ownTarget(own: ReadonlyArray<readonly number[]>, last: number): number | undefined {
  for (let i = own.length - 1; i >= 0; i--) {
    const row = firstAfter(own[i]!, last);
    if (row !== undefined) return row;
  }
  return undefined;
}

function firstAfter(rows: readonly number[], last: number): number | undefined {
  let best: number | undefined;
  for (const r of rows) if (r > last && (best === undefined || r < best)) best = r;
  return best;
}
