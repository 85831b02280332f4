// One line per problem, as editors and CI logs understand it: `file:line: severity: message`.
import type { Diagnostic } from './schema.ts';

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}

/** The order of `localeCompare`, several times faster on thousands of diagnostics. */
const byFile = new Intl.Collator();

/** By file, then line: how a reader walks through the files fixing them. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => byFile.compare(a.file, b.file) || a.line - b.line);
}
