// Turns the bytes of a page export into numbered lines, or a clear reason why it cannot.

/** Profiles are short prose pages; anything larger is almost certainly the wrong file. */
export const MAX_PROFILE_BYTES = 1024 * 1024;

export interface SourceLine {
  /** 1-based, as editors show it. */
  number: number;
  /** Trimmed of surrounding white space (tabs included). */
  text: string;
}

export type DecodeResult = { ok: true; lines: SourceLine[] } | { ok: false; line: number; message: string };

const PAGE_CHROME = /^(top|bottom) of page$/i;

export function isPageChrome(text: string): boolean {
  return PAGE_CHROME.test(text);
}

/** Decodes strictly: a profile with invalid UTF-8 would show mojibake in Discord, so it is refused. */
export function decodeProfileBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength > MAX_PROFILE_BYTES) {
    return {
      ok: false,
      line: 1,
      message: `file is ${bytes.byteLength} bytes, over the ${MAX_PROFILE_BYTES}-byte limit for a profile`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, line: lineOfFirstInvalidByte(bytes), message: 'file is not valid UTF-8' };
  }
  const lines = splitLines(text);
  if (lines.every((l) => l.text === '')) return { ok: false, line: 1, message: 'file is empty' };
  return { ok: true, lines };
}

export function splitLines(text: string): SourceLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((raw, i) => ({ number: i + 1, text: raw.trim() }));
}

/** Finds the line holding the first byte sequence that is not UTF-8, so the error can point at it. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    // Lines end as splitLines ends them: LF, CRLF (at its LF) or a CR on its own.
    if (i === bytes.length || bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
