// Number formatting for path data: one decimal place is plenty at this scale and keeps scenes short and stable.

export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
