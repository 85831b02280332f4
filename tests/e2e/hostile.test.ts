// Hostile and forged input against the real bot process: mentions, huge strings, markdown, regex characters,
// bidirectional and zero-width text typed as actors, queries, sections and message content; forged option
// types that make a handler throw (answered with a reference that is also in the log); forged custom ids.
// Every reply must stay within Discord's limits, ping nobody, and echo nothing that renders as a mention.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  autocomplete,
  button,
  DiscordSimulator,
  type InteractionContext,
  type InteractionResult,
  messageCommand,
  OptionType,
  slash,
} from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import {
  CALLBACK,
  choicesOf,
  embedOf,
  expectClean,
  expectNewMessage,
  isEphemeral,
  messageOf,
  visibleText,
} from './helpers.ts';

const HOSTILE: Record<string, string> = {
  everyone: '@everyone and @here, look',
  'role mention': 'Valdoria <@&123456789012345678>',
  'user mentions': '<@123456789012345678> <@!123456789012345679> <#123456789012345670>',
  '6,000 characters': `@everyone ${'Valdoria '.repeat(700)}`.slice(0, 6000),
  markdown:
    '**bold** __under__ ||spoiler|| `code` ```block``` ~~gone~~ [link](https://example.com)\n> quote\n# Heading\n-# small',
  'regex characters': '.*+?[](){}|\\^$',
  'right to left': 'فالدوريا \u202Eairodlav\u202C עֲבָרִית',
  'zero-width': 'Val\u200Bdo\u200Cria\u200D\uFEFF@\u200Beveryone',
  links: 'https://discord.gg/abcdef and http://example.com',
};

const RAW_EVERYONE = /@(everyone|here)/i;
/** A user, role or channel mention Discord would render: `<` not escaped by a backslash. */
const RENDERED_MENTION = /(?<!\\)<(@[!&]?|#)\d+>/;

let sim: DiscordSimulator;
let bot: BotProcess;
let ctx: InteractionContext;

beforeAll(async () => {
  sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }] }],
  }).start();
  bot = await startBot(sim);
  const guild = sim.guilds[0]!;
  ctx = { guildId: guild.id, channelId: guild.channels[0]!.id };
});

afterEach(() => {
  expectClean(sim);
  expect(bot.child.exitCode).toBeNull();
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

/** Markdown characters in `text` that no backslash escapes. */
function unescapedMarkdown(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if ('*_~`|<>[]'.includes(c)) found.push(c);
  }
  return found;
}

/** The user's text as a notice echoes it: between “ and ”. */
function echoed(r: InteractionResult): string | undefined {
  const description = embedOf(r).description ?? '';
  const start = description.indexOf('“');
  const end = description.lastIndexOf('”');
  return start >= 0 && end > start ? description.slice(start + 1, end) : undefined;
}

/** Within limits (checked by the simulator), pinging nobody, echoing nothing that renders as a mention. */
function expectHarmless(r: InteractionResult, what: string): void {
  expectNewMessage(r);
  const message = messageOf(r);
  expect(message.allowed_mentions, what).toEqual({ parse: [] });
  for (const text of visibleText(message)) {
    expect(text, what).not.toMatch(RAW_EVERYONE);
    expect(text, what).not.toMatch(RENDERED_MENTION);
    expect(text, what).not.toMatch(/discord\.gg\//i);
  }
  const echo = echoed(r);
  if (echo !== undefined) {
    expect(unescapedMarkdown(echo), `${what}: markdown in the echo`).toEqual([]);
    expect(echo, `${what}: a line-start marker in the echo`).not.toMatch(/\n\s*(#{1,3}\s|>|-#\s)/);
    expect(echo, `${what}: a link in the echo`).not.toMatch(/\w:\/\//);
  }
}

describe.each(Object.entries(HOSTILE))('%s', (_name, text) => {
  it('as an actor: never a public notice', async () => {
    for (const [command, options] of [
      ['profile', { actor: text }],
      ['relations of', { actor: text }],
      ['relations toward', { actor: text, private: true }],
      ['relations between', { actor: 'valdoria', other: text }],
      ['search', { query: 'dams', actor: text }],
    ] as const) {
      const r = await sim.interact(slash(command, options, ctx));
      expectHarmless(r, `${command} ${JSON.stringify(text.slice(0, 40))}`);
      // Whatever the resolver makes of it, a notice about the input is for the invoker only.
      const notice = ['Not found', 'Did you mean…', 'Which actor?'].includes(embedOf(r).title ?? '');
      if (notice || command === 'relations toward') expect(isEphemeral(r), command).toBe(true);
    }
  });

  it('as a search query, a section, a category and a mentioned user', async () => {
    const replies = [
      await sim.interact(slash('search', { query: text }, ctx)),
      await sim.interact(slash('search', { query: text, actor: 'kesh', mention: '222222222222222222' }, ctx)),
      // Discord enforces the options' max_length; past it the input is forged.
      await sim.interact(slash('profile', { actor: 'valdoria', section: text.slice(0, 40) }, ctx)),
      await sim.interact(slash('relations of', { actor: 'kesh', category: text.slice(0, 60) }, ctx)),
      await sim.interact(slash('relations toward', { actor: 'kesh', category: text.slice(0, 60) }, ctx)),
    ];
    for (const [i, r] of replies.entries()) {
      const what = `reply ${i} to ${JSON.stringify(text.slice(0, 40))}`;
      if (i === 1 && !isEphemeral(r)) {
        // A public hit may point at the teammate, and only at them.
        expect(messageOf(r).allowed_mentions, what).toEqual({ parse: [], users: ['222222222222222222'] });
        expect(messageOf(r).content, what).toBe('<@222222222222222222>');
        continue;
      }
      expectHarmless(r, what);
    }
    const section = replies[2]!;
    expect(embedOf(section).title).toBe('🏴 Valdoria');
    expect(messageOf(section).content ?? '').not.toMatch(/[<>*_`|@]/);
  });

  it('as message content for "Find actors", and typed into autocomplete', async () => {
    const cards = await sim.interact(messageCommand('Find actors', { content: text }, ctx));
    expectHarmless(cards, 'Find actors');
    expect(isEphemeral(cards)).toBe(true);

    for (const [command, options, focused] of [
      ['profile', { actor: text }, 'actor'],
      ['relations between', { actor: 'VAL', other: text }, 'other'],
      ['profile', { actor: 'VAL', section: text }, 'section'],
      ['relations of', { actor: 'VAL', category: text }, 'category'],
    ] as const) {
      const r = await sim.interact(autocomplete(command, options, focused, ctx));
      expect(r.callback?.type).toBe(CALLBACK.choices);
      const choices = choicesOf(r);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect([...c.name].length).toBeLessThanOrEqual(100);
        expect(c.name).not.toMatch(RAW_EVERYONE);
      }
    }
  });
});

it('a forged mention option never pings', async () => {
  const r = await sim.interact(
    slash(
      'profile',
      [
        { name: 'actor', type: OptionType.String, value: 'valdoria' },
        { name: 'mention', type: OptionType.User, value: '@everyone' },
      ],
      ctx,
    ),
  );
  expectHarmless(r, 'forged mention');
  expect(isEphemeral(r)).toBe(true);
});

describe('a handler that throws', () => {
  /** The six-character reference the user is given. */
  function refOf(r: InteractionResult): string {
    expectNewMessage(r);
    expect(isEphemeral(r)).toBe(true);
    const embed = embedOf(r);
    expect(embed.title).toBe('Something went wrong');
    const ref = /give this reference to whoever runs Dossier: \*\*([A-Z2-9]{6})\*\*/.exec(
      embed.description ?? '',
    );
    expect(ref, embed.description).not.toBeNull();
    return ref![1]!;
  }

  it('a boolean option carrying a string: "Something went wrong", its ref in an error log line', async () => {
    const r = await sim.interact(
      slash(
        'profile',
        [
          { name: 'actor', type: OptionType.String, value: 'valdoria' },
          { name: 'private', type: OptionType.Boolean, value: 'yes' },
        ],
        ctx,
      ),
    );
    const ref = refOf(r);
    const failed = await bot.waitForLog((l) => l.msg === 'handler failed' && l.ref === ref);
    expect(failed.level).toBe(50);
    expect(failed.request).toMatchObject({
      command: 'profile',
      options: { actor: 'valdoria', private: 'yes' },
    });
    // The error itself is in the line, not an empty object.
    expect(failed.err).toMatchObject({ type: 'ZodError' });
    expect((failed.err as { message?: string }).message).toContain('expected boolean');
    const served = await bot.waitForLog((l) => l.msg === 'interaction' && l.ref === ref);
    expect(served.outcome).toBe('error');

    // And the bot keeps answering.
    const next = await sim.interact(slash('profile', { actor: 'valdoria' }, ctx));
    expect(embedOf(next).title).toBe('🏴 Valdoria');
  });

  it('an unknown subcommand: the same, with a fresh ref', async () => {
    const r = await sim.interact(slash('relations sideways', { actor: 'valdoria' }, ctx));
    const ref = refOf(r);
    const failed = await bot.waitForLog((l) => l.msg === 'handler failed' && l.ref === ref);
    expect(failed.level).toBe(50);
    expect(failed.err).toMatchObject({ type: 'Error', message: 'unknown /relations subcommand sideways' });
    // Thrown where the options are parsed against the command's declaration (its built module: the stack names it).
    expect((failed.err as { stack?: string }).stack).toMatch(/dist\/src\/dispatch\/commandOptions\.js:\d+/);
    const errors = bot.logs.filter((l) => l.msg === 'handler failed').map((l) => l.ref);
    expect(new Set(errors).size).toBe(errors.length);

    const next = await sim.interact(slash('help', {}, ctx));
    expect(embedOf(next).title).toBe('Dossier — actor profiles');
  });
});

describe('forged custom ids', () => {
  it.each([
    ['p1:../../etc:x:0:n', 'Dossier does not recognise this button.'],
    ['zz:1', 'Dossier does not recognise this button.'],
    [`p1:valdoria:overview:1:${'n'.repeat(120)}`, 'Dossier does not recognise this button.'],
    ['p1:valdoria:overview:1:n:extra', 'Dossier does not recognise this button.'],
    ['p1:valdoria:overview:0:n', 'Dossier does not recognise this button.'],
    ['p1:nosuchprofile:overview:1:n', 'That profile is no longer in Dossier’s data.'],
    ['j1:nosuchprofile', 'That profile is no longer in Dossier’s data.'],
  ])('%s: a private "out of date" notice, and the bot answers the next one', async (customId, reason) => {
    const r = await sim.interact(button(customId, ctx));
    expect(r.callback?.type).toBe(CALLBACK.message);
    expect(isEphemeral(r)).toBe(true);
    const embed = embedOf(r);
    expect(embed.title).toBe('This button is out of date');
    expect(embed.description).toBe(`${reason} Run the command again for a fresh view.`);
    expect(messageOf(r).allowed_mentions).toEqual({ parse: [] });

    const next = await sim.interact(button('p1:valdoria:relationships:1:s', ctx));
    expect(next.callback?.type).toBe(CALLBACK.update);
    expect(embedOf(next).footer?.text).toMatch(/^Relationships · page 3 of 3 · /);
  });

  it('none of them was logged as an error', async () => {
    await bot.waitForLog((l) => l.msg === 'interaction' && l.customId === 'j1:nosuchprofile');
    const componentErrors = bot.logs.filter((l) => l.level >= 50 && l.msg !== 'handler failed');
    expect(componentErrors).toEqual([]);
  });
});
