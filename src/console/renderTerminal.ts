// Shows a Discord message in a terminal: embed colour as a bar, markdown as bold/italic, fields indented,
// buttons as keys to press.
import { type APIInteractionResponseCallbackData, ComponentType } from 'discord-api-types/v10';
import { unescapeMarkdown } from '../render/escape.ts';

export interface Key {
  key: string;
  label: string;
  customId: string;
  /** For select menus: the value this key chooses. */
  value?: string;
}

export interface Style {
  colour: boolean;
}

const esc = (code: string, on: boolean) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Bold and italic markers become terminal styles; escapes are removed. */
function inline(text: string, style: Style): string {
  const bold = esc('1', style.colour);
  const italic = esc('3', style.colour);
  const dim = esc('2', style.colour);
  return text
    .split('\n')
    .map((line) => {
      const sub = /^-# (.*)$/.exec(line);
      const body = (sub ? sub[1]! : line)
        .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, (_m, t: string) => bold(t))
        .replace(/(?<![\\\w])_(.+?)(?<!\\)_(?!\w)/g, (_m, t: string) => italic(t));
      const plain = unescapeMarkdown(body);
      return sub ? dim(plain) : plain;
    })
    .join('\n');
}

export function renderTerminal(
  data: APIInteractionResponseCallbackData,
  style: Style,
  width = 100,
): { text: string; keys: Key[] } {
  const out: string[] = [];
  const dim = esc('2', style.colour);
  const bold = esc('1', style.colour);
  if (data.content) out.push(inline(data.content, style));
  for (const embed of data.embeds ?? []) {
    const bar =
      style.colour && embed.color !== undefined
        ? `\x1b[38;2;${(embed.color >> 16) & 255};${(embed.color >> 8) & 255};${embed.color & 255}m┃\x1b[0m `
        : '┃ ';
    const lines: string[] = [];
    if (embed.author?.name) lines.push(dim(embed.author.name));
    if (embed.title) lines.push(bold(embed.title));
    if (embed.description) lines.push('', ...wrap(inline(embed.description, style), width));
    for (const field of embed.fields ?? []) {
      lines.push('', bold(inline(field.name, style)));
      for (const l of wrap(inline(field.value, style), width - 2)) lines.push(`  ${l}`);
    }
    if (embed.image?.url) lines.push('', dim(`[image: ${embed.image.url.replace('attachment://', '')}]`));
    if (embed.footer?.text) lines.push('', dim(embed.footer.text));
    out.push(lines.map((l) => bar + l).join('\n'));
  }
  const keys: Key[] = [];
  const buttons: string[] = [];
  let n = 1;
  for (const row of data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) {
      if (c.type === ComponentType.Button && 'custom_id' in c) {
        if (c.disabled) {
          buttons.push(dim(`[${c.label ?? ''}]`));
          continue;
        }
        const key = c.label?.includes('Previous') ? 'p' : c.label?.includes('Next') ? 'n' : String(n++);
        keys.push({ key, label: c.label ?? key, customId: c.custom_id });
        buttons.push(`${bold(key)} ${c.label ?? ''}`);
      } else if (c.type === ComponentType.StringSelect) {
        for (const o of c.options) {
          if (o.default) continue;
          const key = String(n++);
          keys.push({ key, label: o.label, customId: c.custom_id, value: o.value });
          buttons.push(`${bold(key)} ${o.label}`);
        }
      }
    }
  }
  if (buttons.length > 0) out.push(`${dim('keys:')} ${buttons.join('  ')}`);
  if ((data.flags ?? 0) & 64) out.push(dim('(only you would see this in Discord)'));
  return { text: out.join('\n'), keys };
}

/** Wraps long lines at spaces so paragraphs read in a terminal. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    if (visible(para) <= width) {
      lines.push(para);
      continue;
    }
    let line = '';
    for (const word of para.split(' ')) {
      if (line && visible(line) + 1 + visible(word) > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function visible(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are not shown, so they do not count.
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
