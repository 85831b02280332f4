// The source lines a parsed profile holds. With the diagnostics' lines, they must cover every line of content:
// the parser's "nothing is lost" promise, checked by tests and by `npm run validate`.
import type { Diagnostic, Paragraph, Profile } from './schema.ts';
import { isPageChrome, splitLines } from './sourceText.ts';

export function accountedLines(profile: Profile): number[] {
  const lines: number[] = [profile.nameLine];
  const addParagraphs = (paragraphs: Paragraph[]) => {
    for (const p of paragraphs) for (let i = 0; i < p.lineCount; i++) lines.push(p.line + i);
  };
  if (profile.image) lines.push(profile.image.line);
  if (profile.summary) {
    if (profile.summary.heading !== null) lines.push(profile.summary.line);
    addParagraphs(profile.summary.paragraphs);
  }
  if (profile.interests) {
    lines.push(profile.interests.line);
    addParagraphs(profile.interests.intro);
    for (const item of profile.interests.items) {
      lines.push(item.line);
      addParagraphs(item.body);
    }
  }
  if (profile.relationships) {
    lines.push(profile.relationships.line);
    for (const category of profile.relationships.categories) {
      lines.push(category.line);
      for (const code of category.codes) lines.push(code.line);
    }
  }
  for (const section of profile.sections) {
    lines.push(section.line);
    addParagraphs(section.paragraphs);
  }
  return lines;
}

/** Lines of content (not blank, not page chrome) that neither the profile nor a diagnostic accounts for. */
export function unaccountedLines(text: string, profile: Profile | null, diagnostics: Diagnostic[]): number[] {
  // A refused file is wholly accounted for by the error that refused it.
  if (!profile) return diagnostics.some((d) => d.severity === 'error') ? [] : contentLines(text);
  const seen = new Set<number>(accountedLines(profile));
  for (const d of diagnostics) seen.add(d.line);
  return contentLines(text).filter((n) => !seen.has(n));
}

function contentLines(text: string): number[] {
  return splitLines(text)
    .filter((l) => l.text !== '' && !isPageChrome(l.text))
    .map((l) => l.number);
}
