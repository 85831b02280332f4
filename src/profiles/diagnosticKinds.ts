// Thousands of problems of one kind (every code a directory lacks) read best as one line: the kind, how many, and
// where the first few are. The kind is the message with what varies (quoted text, codes, numbers) left out.
import { formatDiagnostic, sortDiagnostics } from './formatDiagnostic.ts';
import type { Diagnostic } from './schema.ts';

/** How many `file:line`s a kind's summary names. */
export const EXAMPLES_PER_KIND = 3;

export interface DiagnosticKind {
  severity: Diagnostic['severity'];
  /** The first problem's message, as an example of the kind. */
  example: string;
  count: number;
  /** `file:line` of the first few, in file order. */
  at: string[];
}

/** The message with its particulars replaced: `code XYZ is not in…` and `code ABC is not in…` are one kind. */
export function kindOf(d: Diagnostic): string {
  return `${d.severity}\u0000${d.message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b[A-Z][A-Z0-9]{1,5}\b/g, 'CODE')
    .replace(/\d+/g, 'N')}`;
}

/** One entry per kind, most frequent first (errors before warnings). */
export function diagnosticKinds(diagnostics: readonly Diagnostic[]): DiagnosticKind[] {
  const kinds = new Map<string, DiagnosticKind>();
  for (const d of sortDiagnostics(diagnostics)) {
    const key = kindOf(d);
    const kind = kinds.get(key);
    if (kind) {
      kind.count++;
      if (kind.at.length < EXAMPLES_PER_KIND) kind.at.push(`${d.file}:${d.line}`);
    } else {
      kinds.set(key, {
        severity: d.severity,
        example: formatDiagnostic(d),
        count: 1,
        at: [`${d.file}:${d.line}`],
      });
    }
  }
  return [...kinds.values()].sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error') || b.count - a.count,
  );
}

/** `312 warnings like: profiles/a.txt:7: warning: code KDR is not … (also at profiles/b.txt:3, …)`. */
export function describeKind(kind: DiagnosticKind): string {
  const more = kind.count - 1;
  if (more === 0) return kind.example;
  const others = kind.at.slice(1);
  const rest = kind.count - kind.at.length;
  return `${kind.count} ${kind.severity}s like ${kind.example} (also at ${others.join(', ')}${rest > 0 ? `, and ${rest} more` : ''})`;
}
