// Plain aligned tables for the terminal: text columns left, figures right.

export type Cell = string | number;

export function printTable(title: string, header: string[], rows: Cell[][]): void {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? ms(c) : c)));
  // Figures (cells starting with a digit or a dash) line up on the right.
  const numeric = header.map((_, i) => i > 0 && text.every((r) => /^[-\d—~<>]/.test(r[i] ?? '')));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of text) console.log(line(r));
}

/** Milliseconds with about three significant figures; sub-millisecond values keep their microseconds. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1)}×`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
