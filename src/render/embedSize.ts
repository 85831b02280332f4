// Counts an embed the way Discord does for its 6,000-character total.
import type { APIEmbed } from 'discord-api-types/v10';
import { codePoints } from './limits.ts';

export function embedSize(embed: APIEmbed): number {
  let n = codePoints(embed.title ?? '') + codePoints(embed.description ?? '');
  n += codePoints(embed.footer?.text ?? '') + codePoints(embed.author?.name ?? '');
  for (const f of embed.fields ?? []) n += codePoints(f.name) + codePoints(f.value);
  return n;
}
