/**
 * Placing value units in template rows that follow a fixed order (表三). Each unit comes with
 * the rows its own label names (on its own line) and the rows labels before it name; a unit
 * goes to the row its own label names, else to the first row named before it, never behind
 * the row placed last. Units whose labels were lost are placed by position between two placed
 * rows, and only when their number equals the number of rows between them.
 */
export interface Candidate<U> {
  unit: U;
  /** Rows (template indexes) named by the label on the unit's own line, nearest last. */
  own: number[][];
  /** Rows named by numbered labels on the lines before. */
  weak: number[];
  /** A subtotal (a group label alone beside values): not a template row. */
  subtotal: boolean;
  /** Can the unit fill row i (its number of cells)? */
  fits(index: number): boolean;
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
  const fillGap = (until: number) => {
    const gap = Array.from({ length: Math.max(0, until - last - 1) }, (_, i) => last + 1 + i);
    // Debris that fills no row (a stray number between tables) does not count.
    const whole = pending.filter((c) => gap.some((g) => c.fits(g)));
    for (const c of pending) if (!whole.includes(c)) refused.push({ unit: c.unit, why: 'unknown' });
    if (whole.length > 0 && whole.length === gap.length && whole.every((c, i) => c.fits(gap[i]!))) {
      whole.forEach((c, i) => placed.push({ index: gap[i]!, unit: c.unit, by: 'position' }));
    } else {
      for (const c of whole) refused.push({ unit: c.unit, why: 'unknown' });
    }
    pending = [];
  };
  for (const c of candidates) {
    if (c.subtotal) {
      refused.push({ unit: c.unit, why: 'subtotal' });
      continue;
    }
    // A label on another line is only a hint: it places a unit that fills the row, never a fragment.
    const hinted = firstAfter(c.weak, last);
    const target = ownTarget(c.own, last) ?? (hinted !== undefined && c.fits(hinted) ? hinted : undefined);
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

/** The nearest own label that names a row after `last` (its first such row). */
function ownTarget(own: readonly number[][], last: number): number | undefined {
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
