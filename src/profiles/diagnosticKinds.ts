// Thousands of problems of one kind (every code a directory lacks) read best as one line: the kind, how many, and
// where the first few are. The kind is the message with what varies (quoted text, codes, numbers) left out.
import { formatDiagnostic } from './formatDiagnostic.ts';
import type { Diagnostic } from './schema.ts';

/** How many `file:line`s a kind's summary names. */
export const EXAMPLES_PER_KIND = 3;

export interface DiagnosticKind {
  severity: Diagnostic['severity'];
  /** The first problem's message, as an example of the kind. */
  example: string;
  count: number;
  /** `file:line` of the first few, by file name and line. */
  at: string[];
}

/**
 * The message with its particulars replaced (quoted text, profile ids, codes, numbers): `code XYZ is not in…` and
 * `code ABC is not in…` are one kind.
 */
export function kindOf(d: Diagnostic): string {
  const said = `${d.severity}\u0000${d.message}`;
  let kind = kinds.get(said);
  if (kind === undefined) {
    if (kinds.size >= KINDS_REMEMBERED) kinds.clear();
    kind = `${d.severity}\u0000${d.message
      .replace(/"[^"]*"/g, '"…"')
      .replace(/profile: [^\s,;)]+/g, 'profile: …')
      .replace(/\b[A-Z][A-Z0-9]{1,5}\b/g, 'CODE')
      .replace(/\d+/g, 'N')}`;
    kinds.set(said, kind);
  }
  return kind;
}

/**
 * Each message's kind, worked out once: a reload meets the same hundred thousand messages again. Dropped and
 * refilled above a bound (a bound on memory, not a cache policy).
 */
const kinds = new Map<string, string>();
const KINDS_REMEMBERED = 250_000;

/**
 * One entry per kind, most frequent first (errors before warnings). One pass, without sorting them all: a large
 * corpus may have a hundred thousand warnings, and only the first few of each kind are named.
 */
export function diagnosticKinds(diagnostics: readonly Diagnostic[]): DiagnosticKind[] {
  const found = new Map<string, { severity: Diagnostic['severity']; count: number; first: Diagnostic[] }>();
  for (const d of diagnostics) {
    const key = kindOf(d);
    const kind = found.get(key);
    if (!kind) found.set(key, { severity: d.severity, count: 1, first: [d] });
    else {
      kind.count++;
      keepFirst(kind.first, d);
    }
  }
  return [...found.values()]
    .map(({ severity, count, first }) => ({
      severity,
      example: formatDiagnostic(first[0]!),
      count,
      at: first.map((d) => `${d.file}:${d.line}`),
    }))
    .sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error') || b.count - a.count);
}

/**
 * Puts `d` among the first EXAMPLES_PER_KIND by file name (code-unit order: a collator's compare, run once for each
 * of a hundred thousand warnings, cost more than the rest of a reload) and line; an earlier equal one stays first.
 */
function keepFirst(first: Diagnostic[], d: Diagnostic): void {
  if (first.length === EXAMPLES_PER_KIND && byPlace(d, first[first.length - 1]!) >= 0) return;
  let i = first.length;
  while (i > 0 && byPlace(d, first[i - 1]!) < 0) i--;
  first.splice(i, 0, d);
  if (first.length > EXAMPLES_PER_KIND) first.pop();
}

/** `312 warnings like: profiles/a.txt:7: warning: code KDR is not … (also at profiles/b.txt:3, …)`. */
export function describeKind(kind: DiagnosticKind): string {
  const more = kind.count - 1;
  if (more === 0) return kind.example;
  const others = kind.at.slice(1);
  const rest = kind.count - kind.at.length;
  return `${kind.count} ${kind.severity}s like ${kind.example} (also at ${others.join(', ')}${rest > 0 ? `, and ${rest} more` : ''})`;
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
