// Hot reload end to end: a new profile dropped into DATA_DIR is answerable within 2 s; broken data is refused,
// its problems are logged as file:line, the last good data keeps serving and /help says the reload failed;
// SIGHUP reloads too.
import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscordSimulator, slash } from '../sim/index.ts';
import { type BotProcess, getHealth } from './botProcess.ts';
import {
  actorEntry,
  copyFixtureData,
  firstEmbed,
  here,
  profileText,
  replyText,
  startOpsBot,
  type TempData,
} from './opsSupport.ts';

let sim: DiscordSimulator;
let bot: BotProcess;
let data: TempData;

beforeAll(async () => {
  data = await copyFixtureData();
  sim = await new DiscordSimulator().start();
  bot = await startOpsBot(sim, { DATA_DIR: data.dir, RELOAD_DEBOUNCE_MS: '100' });
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
  await data?.remove();
});

const profileTitle = async (actor: string) =>
  firstEmbed(await sim.interact(slash('profile', { actor }, here(sim))))?.title ?? '';

it('answers a profile added to the data directory once the reload it sets off is done', async () => {
  expect(await profileTitle('Brennick')).not.toContain('Brennick');
  const from = bot.logs.length;
  await appendFile(data.actorsFile, actorEntry('BRK', 'Brennick', ['Brennick Marches']));
  await writeFile(
    path.join(data.profilesDir, 'brennick.txt'),
    profileText('Brennick', 'Brennick is a fictional march on the upper Sarn, made up for reload tests.', {
      Allies: ['VAL'],
      Rivals: ['KSH'],
    }),
  );
  // The watcher notices the files, the reload runs, and from then on the new profile is answered. (How soon is
  // the bench's to measure.)
  const line = await bot.waitForLog(
    (l) => l.msg === 'data reloaded' && l.profiles === 4,
    10_000,
    'the reload line',
  );
  expect(line.reason).toBe('data changed');
  expect(bot.logs.indexOf(line)).toBeGreaterThanOrEqual(from);
  expect(await profileTitle('brennick')).toContain('Brennick');
});

it('refuses broken data, logs every problem as file:line, keeps serving and says so in /help', async () => {
  await writeFile(path.join(data.profilesDir, 'empty.txt'), '');
  await writeFile(
    path.join(data.profilesDir, 'misfiled.txt'),
    profileText('Misfiled', 'Misfiled is a fictional profile with a bad code line.', {
      Allies: ['VAL', 'not an actor code'],
    }),
  );
  // Both files' errors (a reload that caught only the first file may come before).
  const refused = await bot.waitForLog(
    (l) => l.msg.startsWith('reload refused') && l.errors === 2,
    5_000,
    'the refusal',
  );
  expect(refused.level).toBe(50);

  const errors = bot.logs.filter((l) => l.level === 50 && typeof l.file === 'string');
  const empty = errors.find((l) => l.file === 'profiles/empty.txt');
  const misfiled = errors.find((l) => l.file === 'profiles/misfiled.txt');
  expect(empty?.msg).toMatch(/^profiles\/empty\.txt:1: error: /);
  // The bad code is the 10th line of the generated page (title, summary, interests, then the relationships).
  expect(misfiled).toMatchObject({ line: 10 });
  expect(misfiled?.msg).toMatch(/^profiles\/misfiled\.txt:10: error: /);

  // The last good data is still served: the fixture profiles and the one added before.
  expect(await profileTitle('valdoria')).toContain('Valdoria');
  expect(await profileTitle('brennick')).toContain('Brennick');
  const help = replyText(await sim.interact(slash('help', {}, here(sim))));
  expect(help).toContain('The last reload failed');
  expect(help).toMatch(/\*\*4\*\* profiles/);
  const health = await getHealth(bot);
  expect(health.body.lastReload).toMatchObject({ ok: false });

  // Fixing the data clears the warning.
  await rm(path.join(data.profilesDir, 'empty.txt'));
  await rm(path.join(data.profilesDir, 'misfiled.txt'));
  await expect
    .poll(async () => (await getHealth(bot)).body.lastReload, { timeout: 5_000 })
    .toMatchObject({ ok: true, message: 'loaded 4 profiles' });
  expect(replyText(await sim.interact(slash('help', {}, here(sim))))).not.toContain('The last reload failed');
});

it('reloads on SIGHUP', async () => {
  const before = (await getHealth(bot)).body.data as { loadedAt: string };
  bot.child.kill('SIGHUP');
  const line = await bot.waitForLog(
    (l) => l.msg === 'data reloaded' && l.reason === 'SIGHUP',
    5_000,
    'the SIGHUP reload',
  );
  expect(line.profiles).toBe(4);
  const after = (await getHealth(bot)).body.data as { loadedAt: string };
  expect(Date.parse(after.loadedAt)).toBeGreaterThan(Date.parse(before.loadedAt));
  expect(await profileTitle('brennick')).toContain('Brennick');
  expect(sim.violations).toEqual([]);
});
