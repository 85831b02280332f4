// A restart through `npm start` with a STATE_DIR: the first start builds the index and saves a snapshot; the next
// start loads it, applies what changed while the bot was down, and answers with the new data.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscordSimulator, slash } from '../sim/index.ts';
import { copyFixtureData, here, profileText, replyText, startOpsBot, type TempData } from './opsSupport.ts';

let sim: DiscordSimulator;
let data: TempData;
let stateDir: string;

beforeAll(async () => {
  data = await copyFixtureData();
  stateDir = await mkdtemp(path.join(tmpdir(), 'dossier-restart-state-'));
  sim = await new DiscordSimulator().start();
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  await data?.remove();
  await rm(stateDir, { recursive: true, force: true });
}, 60_000);

it('restarts from the snapshot, applying what changed while it was down', async () => {
  const env = { DATA_DIR: data.dir, STATE_DIR: stateDir, WATCH_DATA: 'false' };
  const first = await startOpsBot(sim, env);
  const built = first.logs.find((l) => l.msg === 'data loaded');
  expect(built?.index).toBe('built');
  await first.waitForLog((l) => l.msg === 'index snapshot saved', 15_000, 'the snapshot');
  await first.stop();

  await writeFile(
    path.join(data.profilesDir, 'brennick.txt'),
    profileText('Brennick', 'Brennick dredges quillwort from the estuary.', {}),
  );
  const second = await startOpsBot(sim, env);
  try {
    const loaded = second.logs.find((l) => l.msg === 'data loaded');
    expect(loaded?.index).toBe('from snapshot (1 added since)');
    const reply = await sim.interact(slash('search', { query: 'quillwort' }, here(sim)));
    expect(replyText(reply)).toContain('Brennick');
    expect(sim.violations).toEqual([]);
  } finally {
    await second.stop();
  }
}, 60_000);
