// Flag pictures from Twemoji (the emoji set Discord itself shows), read from the npm package that ships them
// as SVG files. The bundled font has no emoji, so a flag is drawn as a picture or not at all.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const svgDir = join(
  dirname(createRequire(import.meta.url).resolve('@discordapp/twemoji/package.json')),
  'dist',
  'svg',
);
const loaded = new Map<string, string | null>();

/** Twemoji's file name: code points in hex joined by '-', without U+FE0F unless the emoji is a ZWJ sequence. */
export function twemojiName(emoji: string): string {
  const text = emoji.includes('\u200d') ? emoji : emoji.replace(/\ufe0f/g, '');
  return [...text].map((ch) => (ch.codePointAt(0) ?? 0).toString(16)).join('-');
}

/** The SVG markup of an emoji's picture, or null when Twemoji has none for it. */
export function flagSvg(emoji: string | undefined): string | null {
  if (!emoji) return null;
  const name = twemojiName(emoji);
  if (!/^[0-9a-f-]+$/.test(name)) return null;
  let svg = loaded.get(name);
  if (svg === undefined) {
    try {
      svg = readFileSync(join(svgDir, `${name}.svg`), 'utf8');
    } catch {
      svg = null;
    }
    loaded.set(name, svg);
  }
  return svg;
}
