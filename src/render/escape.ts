// Makes text display literally in Discord: markdown does nothing, mentions never ping or even render as mentions,
// and links typed by users are not links. Profile text goes through `escapeMarkdown`; anything a user typed
// goes through `escapeUserText`.

const INLINE = /[\\*_~`|<>[\]]/g;
const LINE_START = /^(\s*)(#{1,3}\s|>|-#\s|[-+*]\s|(\d+)([.)]\s))/gm;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(
    LINE_START,
    // Discord escapes punctuation only: `\1.` would show its backslash, so a numbered line escapes its dot.
    (_m, space: string, marker: string, digits?: string, rest?: string) =>
      digits ? `${space}${digits}\\${rest}` : `${space}\\${marker}`,
  );
}

/** Undoes `escapeMarkdown` (tests use it to prove no text is lost). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|<>[\]#>\-+\d.)])/g, '$1');
}

const ZERO_WIDTH_SPACE = '\u200B';

export function escapeUserText(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/(\w)(:\/\/)/g, `$1${ZERO_WIDTH_SPACE}$2`)
    .replace(/discord\.gg\//gi, `discord${ZERO_WIDTH_SPACE}.gg/`);
}
