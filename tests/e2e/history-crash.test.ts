// The history under faults, through the real bot process: a crash (SIGKILL) between recording a change set and
// posting it, before or after Discord took the post, leaves exactly one message once the bot is back; a corrupt
// dossier.db is moved aside and the bot serves with a fresh one; npm run backup copies the live database.
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DiscordSimulator, type Json, slash } from '../sim/index.ts';
import { type BotProcess, getHealth, REPO_ROOT } from './botProcess.ts';
import { type FeedWorld, feedWorld } from './feedWorld.ts';
import { firstEmbed, type TempData } from './opsSupport.ts';

let world: FeedWorld;
let sim: DiscordSimulator;
let data: TempData;
let stateDir: string;
let feedChannel: string;
let general: { guildId: string; channelId: string };
const bots: BotProcess[] = [];
/** Each test starts the bot twice (a crash, then a restart). */
const TWO_STARTS_MS = 60_000;

const start = async (env: Record<string, string> = {}) => {
  const bot = await world.start(env);
  bots.push(bot);
  return bot;
};

beforeAll(async () => {
  world = await feedWorld('dossier-crash-state-');
  ({ sim, data, stateDir, feedChannel, general } = world);
});

afterAll(async () => {
  for (const bot of bots) await bot.stop('SIGKILL');
  await sim?.stop();
  await data?.remove();
  await rm(stateDir, { recursive: true, force: true });
});

const feed = () => world.feed();
const isFeedPost = (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path === `/channels/${feedChannel}/messages`;
const feedPosts = () => sim.requests.filter(isFeedPost);

async function editKesh(from: string, to: string): Promise<void> {
  const file = path.join(data.profilesDir, 'kesh.txt');
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

async function kill(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGKILL');
  await bot.exited;
}

it(
  'a crash after Discord took the post, before it was marked done, posts the change set once after the restart',
  async () => {
    const bot = await start();
    await world.feedSettlesAt(bot, 1);
    // Discord creates the message, but the answer never reaches the bot: it dies first.
    const held = sim.holdNextRequest(isFeedPost, 'after');
    await editKesh('first priority', 'first and last priority');
    await held.arrived;
    expect(feed()).toHaveLength(2);
    await kill(bot);
    held.release();

    const again = await start();
    const posted = await again.waitForLog(
      (l) => l.msg === 'change set posted to the feed',
      15_000,
      'the pending post sent again',
    );
    const messages = await world.feedSettlesAt(again, 2);
    expect(posted.message).toBe(messages[1]!.id);
    // The retry carried the first try's nonce, so Discord answered with the message it already had.
    const [first, retry] = feedPosts().slice(-2);
    expect((retry!.body as Json).nonce).toBe((first!.body as Json).nonce);
    expect((messages[1]!.embeds as { description: string }[])[0]!.description).toContain(
      'Interest 1 “Dams” rewritten',
    );
    await again.stop();
  },
  TWO_STARTS_MS,
);

it(
  'a crash before the post reached Discord posts the change set once after the restart',
  async () => {
    const bot = await start();
    await world.feedSettlesAt(bot, 2);
    // The post leaves the bot but never arrives: the bot dies, and the request is dropped.
    const held = sim.holdNextRequest(isFeedPost, 'before');
    await editKesh('first and last priority', 'only priority');
    await held.arrived;
    await kill(bot);
    held.drop();
    expect(feed()).toHaveLength(2);

    const again = await start();
    await again.waitForLog((l) => l.msg === 'change set posted to the feed', 15_000, 'the pending post sent');
    const messages = await world.feedSettlesAt(again, 3);
    expect((messages[2]!.embeds as { description: string }[])[0]!.description).toContain(
      'Interest 1 “Dams” rewritten',
    );
    expect((await getHealth(again)).body.history).toMatchObject({ available: true, outboxPending: 0 });

    // npm run backup copies the live database with SQLite's online backup API.
    const copy = path.join(stateDir, 'copy.db');
    const backup = await runBackup(copy);
    expect(backup.code).toBe(0);
    expect(backup.output).toContain(`to ${copy} (3 change sets)`);
    const db = new Database(copy, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM change_sets').get() as { n: number }).n).toBe(3);
    db.close();
    await again.stop();
  },
  TWO_STARTS_MS,
);

it(
  'a corrupt dossier.db is moved aside, and the bot serves with a fresh one',
  async () => {
    const garbage = 'not a database: a fictional ledger of the Sarn ferries\n'.repeat(100);
    await writeFile(path.join(stateDir, 'dossier.db'), garbage);
    await rm(path.join(stateDir, 'dossier.db-wal'), { force: true });
    await rm(path.join(stateDir, 'dossier.db-shm'), { force: true });
    const bot = await start({ CHANGES_CHANNEL_ID: '' });
    const moved = bot.logs.find(
      (l) => l.msg === 'history database unusable: moved aside, starting a fresh one',
    );
    expect(moved?.movedAside).toMatch(/dossier\.db\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    const files = await readdir(stateDir);
    const aside = files.find((f) => /^dossier\.db\.corrupt-[^-]/.test(f) && !/-(wal|shm)$/.test(f))!;
    expect(await readFile(path.join(stateDir, aside), 'utf8')).toBe(garbage);
    expect(files).toContain('dossier.db');

    expect(firstEmbed(await sim.interact(slash('profile', { actor: 'kesh' }, general)))?.title).toContain(
      'Kesh',
    );
    const changes = firstEmbed(await sim.interact(slash('changes', {}, general)));
    expect(changes?.description).toMatch(
      /^\*\*#1\*\* · .* · Baseline recorded\nbaseline recorded: 3 profiles$/,
    );
    expect((await getHealth(bot)).body).toMatchObject({ serving: true, history: { available: true } });
    await bot.stop();
  },
  TWO_STARTS_MS,
);

function runBackup(target: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/history/backupCli.ts', target], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STATE_DIR: stateDir },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}
