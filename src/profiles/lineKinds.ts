// Recognises what a line of a page export is: a known section heading, a numbered interest, an actor code,
// a heading-like line, an image file name. Pure, shared by the parser and its tests.

export type KnownSection = 'summary' | 'interests' | 'relationships';

function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/:$/, '')
    .replace(/\s*&\s*|\s+and\s+/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

const KNOWN_SECTIONS: ReadonlyMap<string, KnownSection> = new Map([
  ['profile', 'summary'],
  ['summary', 'summary'],
  ['overview', 'summary'],
  ['key interests and priorities', 'interests'],
  ['key interests', 'interests'],
  ['interests and priorities', 'interests'],
  ['relationships', 'relationships'],
  ['relations', 'relationships'],
]);

/** Longer than any known heading however it is spaced: such a line (a paragraph, mostly) is not normalised. */
const LONGEST_KNOWN_HEADING = 40;

export function knownSection(text: string): KnownSection | undefined {
  if (text.length > LONGEST_KNOWN_HEADING) return undefined;
  return KNOWN_SECTIONS.get(normaliseHeading(text));
}

const NUMBERED = /^(\d{1,3})\s*[.)]\s*(\S.*)$/;

export function numberedItem(text: string): { number: number; title: string } | undefined {
  const m = NUMBERED.exec(text);
  return m ? { number: Number(m[1]), title: m[2]!.trim() } : undefined;
}

const CODE_LIKE = /^[A-Za-z][A-Za-z0-9]{1,5}$/;

/** An actor code as pages write it: `RUS`, `US`; lowercase (`rus`) is accepted and upper-cased. */
export function actorCode(text: string): string | undefined {
  if (!CODE_LIKE.test(text)) return undefined;
  if (text === text.toUpperCase() || text === text.toLowerCase()) return text.toUpperCase();
  return undefined;
}

const IMAGE = /^[^/\\]{1,200}\.(png|jpe?g|gif|webp|svg)$/i;

export function isImageFileName(text: string): boolean {
  return IMAGE.test(text);
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/**
 * Short, title-cased, without sentence punctuation: how the exports write headings. Used only where the format
 * has no fixed heading (extra sections, relationship categories), so a one-line paragraph is never mistaken for
 * one unless it reads like a title.
 */
export function isHeadingLike(text: string): boolean {
  const t = text.replace(/:$/, '');
  if (t.length === 0 || t.length > 60 || /[.,;!?]$/.test(t) || numberedItem(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8) return false;
  if (!/^\p{Lu}/u.test(t)) return false;
  return words.every((w) => MINOR_WORDS.has(w.toLowerCase()) || !/^\p{Ll}/u.test(w));
}

export function sameCategoryName(a: string, b: string): boolean {
  return normaliseHeading(a) === normaliseHeading(b);
}
