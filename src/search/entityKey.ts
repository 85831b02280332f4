// How a name compares when it stands for an actor: as one normalised key (case, accents and punctuation never
// matter) without a leading "The", so "The Taliban", "taliban" and "Taliban" are one name.
import { normalizeKey } from './normalize.ts';

/** Words of plain letters and digits, one space apart: normalizeKey would only lower their case. */
const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function entityKey(text: string): string {
  // Most names are plain: skipping the Unicode normalisation for them keeps a reload of thousands cheap.
  return withoutThe(PLAIN.test(text) ? text.toLowerCase() : normalizeKey(text));
}

/** A normalised key without its leading "the " ("the" alone stays: it may be all someone typed). */
export function withoutThe(key: string): string {
  return key.startsWith('the ') ? key.slice(4) : key;
}
