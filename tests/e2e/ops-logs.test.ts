// What the logs may say, end to end: after a full scenario (commands, autocomplete, a button, "Find actors" on a
// message, a handler failure) no output line holds the bot token or the message's text, and every failure line
// carries a ref that the user was shown. A wrong token stops the start with exit 1 and a clear line, without
// printing the token.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { autocomplete, button, DiscordSimulator, messageCommand, slash } from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import { firstEmbed, here, replyText, startOpsBot } from './opsSupport.ts';

const TOKEN = 'test-token-SECRET-123';
const MESSAGE_TEXT =
  'Keep this between us: the Saltmarsh Front will meet the Kesh envoy at the old salt pier, says our contact Brindle Vasko.';

let sim: DiscordSimulator;
let bot: BotProcess;

beforeAll(async () => {
  sim = await new DiscordSimulator({ token: TOKEN }).start();
  // Debug level: the most the bot ever logs.
  bot = await startOpsBot(sim, { LOG_LEVEL: 'debug' });
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

it('never logs the token, a message text, or a failure without the ref the user saw', async () => {
  const ctx = here(sim);
  const shown: string[] = [];
  const ask = async (spec: Parameters<DiscordSimulator['interact']>[0]) => {
    const r = await sim.interact(spec);
    shown.push(replyText(r));
    return r;
  };
  const profile = await ask(slash('profile', { actor: 'valdoria' }, ctx));
  await ask(autocomplete('profile', { actor: 'ke' }, 'actor', ctx));
  await ask(slash('search', { query: 'salt ports' }, ctx));
  await ask(slash('relations of', { actor: 'kesh' }, ctx));
  await ask(slash('help', {}, ctx));
  const next = (profile.original?.components as { components: { custom_id?: string }[] }[] | undefined)
    ?.flatMap((row) => row.components)
    .find((c) => c.custom_id && !c.custom_id.endsWith(':p'))?.custom_id;
  expect(next).toBeDefined();
  await ask(button(next!, { ...ctx, message: profile.original }));
  const cards = await ask(messageCommand('Find actors', { content: MESSAGE_TEXT }, ctx));
  expect(replyText(cards)).toContain('Kesh');
  // A request no handler can take (a subcommand Dossier never declared): a handler failure.
  const failed = await ask(slash('relations sideways', { actor: 'valdoria' }, ctx));
  expect(firstEmbed(failed)?.title).toBe('Something went wrong');

  await bot.waitForLog((l) => l.msg === 'interaction' && l.outcome === 'error', 5_000, 'the failure logged');
  await bot.waitForLog((l) => l.msg === 'interaction' && l.command === 'Find actors', 5_000, 'Find actors');

  const output = bot.output.join('\n');
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(`Bot ${TOKEN.slice(0, 10)}`);
  // Not the message, nor any long stretch of it: only its length.
  expect(output).not.toContain('Brindle Vasko');
  expect(output).not.toContain('old salt pier');
  const find = bot.logs.find((l) => l.msg === 'interaction' && l.command === 'Find actors');
  expect(find).toMatchObject({ level: 30, targetMessageLength: MESSAGE_TEXT.length });

  // Every failure line names a ref, and the user was shown that ref.
  const failures = bot.logs.filter((l) => l.level >= 50);
  expect(failures.length).toBeGreaterThanOrEqual(1);
  for (const line of failures) {
    expect(line.ref, JSON.stringify(line)).toMatch(/^[A-Z0-9]{6}$/);
    expect(shown.some((text) => text.includes(String(line.ref)))).toBe(true);
  }
  expect(sim.violations).toEqual([]);
});

it('stops with exit 1 and a clear line on a wrong token, without printing it', async () => {
  const wrong = 'test-token-SECRET-wrong';
  const refused = await startBot(sim, { env: { DISCORD_TOKEN: wrong }, waitForReady: false });
  expect(await refused.exited).toBe(1);
  const output = refused.output.join('\n');
  expect(output).not.toContain(wrong);
  expect(output).not.toContain(TOKEN);
  const fatal = refused.logs.find((l) => l.level === 60);
  expect(fatal?.msg).toMatch(/could not connect to Discord: .*token.*DISCORD_TOKEN/i);
  // An operator's mistake, not a fault: no stack trace.
  expect(fatal?.err).toBeUndefined();
  expect(output).not.toMatch(/\bat .*\.(ts|js):\d+/);
});
