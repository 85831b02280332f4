// The one limits checker (the simulator's, which the render tests use too): it must accept payloads right at each
// limit and flag each kind of violation, counting code points (an emoji is one) rather than UTF-16 units.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { message } from '../../src/render/reply.ts';
import {
  choiceViolations,
  componentViolations,
  dataViolations,
  embedViolations,
} from '../render/limitsChecker.ts';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
const duck = (n: number) => '🦆'.repeat(n);
const button = (id: string, label = 'Go') =>
  ({ type: ComponentType.Button, custom_id: id, label, style: ButtonStyle.Secondary }) as const;
const row = (...components: Row['components']): Row => ({ type: ComponentType.ActionRow, components });

describe('limits checker', () => {
  it('accepts an embed exactly at every limit, counting code points', () => {
    const embed: APIEmbed = {
      title: duck(256),
      description: duck(4096),
      footer: { text: duck(1000) },
      author: { name: duck(256) },
      fields: [{ name: duck(256), value: duck(130) }],
    };
    expect(embedViolations([embed])).toEqual([]);
  });

  it('flags each embed limit', () => {
    const found = (embed: APIEmbed) => embedViolations([embed]).join('\n');
    expect(found({ title: duck(257) })).toMatch(/title must be 0–256 characters, has 257/);
    expect(found({ description: duck(4097) })).toMatch(/description must be 0–4096 characters, has 4097/);
    expect(found({ footer: { text: 'x'.repeat(2049) } })).toMatch(/footer.text/);
    expect(found({ author: { name: 'x'.repeat(257) } })).toMatch(/author.name/);
    expect(found({ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) })).toMatch(
      /fields has 26 entries/,
    );
    expect(found({ fields: [{ name: 'x'.repeat(257), value: 'v' }] })).toMatch(
      /name must be 1–256 characters, has 257/,
    );
    expect(found({ fields: [{ name: 'n', value: 'x'.repeat(1025) }] })).toMatch(
      /value must be 1–1024 characters, has 1025/,
    );
    expect(found({ fields: [{ name: 'n', value: '' }] })).toMatch(/value must be 1–1024 characters, has 0/);
    expect(found({ fields: [{ name: '', value: 'v' }] })).toMatch(/name must be 1–256 characters, has 0/);
    expect(
      embedViolations([{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }]).join('\n'),
    ).toMatch(/embeds total 6001 characters/);
    expect(embedViolations(Array.from({ length: 11 }, () => ({ title: 't' }))).join('\n')).toMatch(
      /embeds has 11 entries/,
    );
  });

  it('flags components: rows, buttons per row, custom_id length and reuse, labels, menus', () => {
    const five = [1, 2, 3, 4, 5].map((i) => button(`b${i}`));
    expect(componentViolations([row(...five)])).toEqual([]);
    expect(componentViolations([row(...five, button('b6'))]).join('\n')).toMatch(/has 6 buttons/);
    expect(componentViolations(Array.from({ length: 6 }, (_, i) => row(button(`r${i}`)))).join('\n')).toMatch(
      /6 action rows/,
    );
    expect(componentViolations([row(button('x'.repeat(101)))]).join('\n')).toMatch(
      /must be 1–100 characters, has 101/,
    );
    expect(componentViolations([row(button('same'), button('same'))]).join('\n')).toMatch(/used twice/);
    expect(componentViolations([row(button('a'), button('b', 'x'.repeat(81)))]).join('\n')).toMatch(/label/);
    const menu = (n: number) =>
      ({
        type: ComponentType.StringSelect,
        custom_id: 'menu',
        options: Array.from({ length: n }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
      }) as const;
    expect(componentViolations([row(menu(25))])).toEqual([]);
    expect(componentViolations([row(menu(26))]).join('\n')).toMatch(/options has 26 entries/);
    expect(componentViolations([row(menu(2), button('x'))]).join('\n')).toMatch(/alone in its row/);
  });

  it('flags content over 2,000 and any payload that could ping', () => {
    expect(dataViolations(message({ content: duck(2000) }).data)).toEqual([]);
    expect(dataViolations(message({ content: duck(2001) }).data).join('\n')).toMatch(
      /content must be 0–2000 characters, has 2001/,
    );
    expect(dataViolations({ content: 'hi' }).join('\n')).toMatch(/allowed_mentions.parse/);
    expect(dataViolations({ content: 'hi', allowed_mentions: { parse: [] } })).toEqual([]);
    expect(
      dataViolations({ content: 'hi', allowed_mentions: { parse: ['everyone' as never] } }).join('\n'),
    ).toMatch(/allowed_mentions.parse/);
  });

  it('flags autocomplete: more than 25 choices, names over 100 or empty', () => {
    const choices = (n: number, name = 'n') =>
      Array.from({ length: n }, (_, i) => ({ name, value: `V${i}` }));
    expect(choiceViolations(choices(25, duck(100)))).toEqual([]);
    expect(choiceViolations(choices(26)).join('\n')).toMatch(/choices has 26 entries/);
    expect(choiceViolations(choices(1, duck(101))).join('\n')).toMatch(
      /name must be 1–100 characters, has 101/,
    );
    expect(choiceViolations(choices(1, '')).join('\n')).toMatch(/name must be 1–100 characters, has 0/);
    expect(choiceViolations([{ name: 'n', value: 'x'.repeat(101) }]).join('\n')).toMatch(
      /value must be 1–100 characters, has 101/,
    );
  });
});
