// Column widths for a table that fits the terminal, so a row never wraps: the widest shrinkable
// column (names, emails) gives up a column at a time down to a minimum; if the line is still too
// long, columns are cut from the right, as if the table ran past the screen's edge.

/** Columns between two cells. */
export const GAP = 2;
/** A shrinkable column is never cut below this many columns (or its natural width, if smaller). */
export const MIN_SHRUNK_WIDTH = 8;

/** One column's natural width (its widest cell or header) and whether it may be cut. */
export interface ColumnSize {
  natural: number;
  shrink: boolean;
}

/** The width of each column so a line takes at most `available` columns (undefined: no limit). */
export function fitWidths(columns: readonly ColumnSize[], available: number | undefined): number[] {
  const widths = columns.map((column) => column.natural);
  if (available === undefined) return widths;
  const floor = columns.map((column) => Math.min(column.natural, MIN_SHRUNK_WIDTH));
  let total = widths.reduce((sum, width) => sum + width, 0) + GAP * Math.max(0, columns.length - 1);
  while (total > available) {
    let widest = -1;
    for (let i = 0; i < columns.length; i++) {
      if (!columns[i]?.shrink || (widths[i] ?? 0) <= (floor[i] ?? 0)) continue;
      if (widest === -1 || (widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    }
    if (widest === -1) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  // One column is left for the "…" of a cut cell.
  for (let i = columns.length - 1; i >= 0 && total > available; i--) {
    const cut = Math.min(total - available, (widths[i] ?? 0) - 1);
    if (cut <= 0) continue;
    widths[i] = (widths[i] ?? 0) - cut;
    total -= cut;
  }
  return widths;
}
