// How a name compares when it stands for an actor: as one normalised key (case, accents and punctuation never
// matter) without a leading "The", so "The Taliban", "taliban" and "Taliban" are one name.
import { normalizeKey } from './normalize.ts';

export function entityKey(text: string): string {
  return withoutThe(normalizeKey(text));
}

/** A normalised key without its leading "the " ("the" alone stays: it may be all someone typed). */
export function withoutThe(key: string): string {
  return key.startsWith('the ') ? key.slice(4) : key;
}
