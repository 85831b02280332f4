// Helpers for the operations tests: temporary copies of the fixture data, a fast generator of many small
// fictional profiles, the bot started with an event-loop probe, a runner for starts that must fail, and short
// readers of replies.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { DiscordSimulator, InteractionContext, InteractionResult } from '../sim/index.ts';
import { type BotProcess, REPO_ROOT, type StartOptions, startBot } from './botProcess.ts';

export const FIXTURE_DATA = path.join(REPO_ROOT, 'tests/fixtures/data');
/** Loaded with `--import` into the bot; logs `event loop stall` lines (see opsLoopProbe.mjs). */
export const LOOP_PROBE = './tests/e2e/opsLoopProbe.mjs';

export interface TempData {
  dir: string;
  profilesDir: string;
  actorsFile: string;
  remove(): Promise<void>;
}

/** A private copy of tests/fixtures/data (valdoria, kesh, oruna) that a test may change. */
export async function copyFixtureData(): Promise<TempData> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-ops-'));
  await cp(FIXTURE_DATA, dir, { recursive: true });
  return {
    dir,
    profilesDir: path.join(dir, 'profiles'),
    actorsFile: path.join(dir, 'actors.yaml'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A small, valid, fictional profile page. */
export function profileText(name: string, summary: string, relations: Record<string, string[]>): string {
  const lines = [
    name,
    'Profile',
    summary,
    'Key Interests & Priorities',
    '1. Harbour Tolls',
    `${name} wants the harbour tolls kept low for its grain barges.`,
    'Relationships',
  ];
  for (const [category, codes] of Object.entries(relations)) lines.push(category, ...codes);
  return `${lines.join('\n')}\n`;
}

/** An actors.yaml entry, to append under `actors:` (the fixture's last key). */
export function actorEntry(code: string, name: string, aliases: string[] = []): string {
  return `  - code: ${code}\n    name: ${name}\n    kind: state\n    aliases: [${aliases.join(', ')}]\n`;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tos', 'var', 'quel', 'dun', 'shi', 'bra'];

/** The i-th generated actor: a made-up one-word name (unique per i) and a 5-character code. */
export function generatedActor(i: number): { code: string; name: string; id: string } {
  const digits = String(i).padStart(4, '0');
  const word = [...digits].map((d) => SYLLABLES[Number(d)]).join('');
  const name = `${word[0]!.toUpperCase()}${word.slice(1)}mark`;
  return { code: `Q${i.toString(36).toUpperCase().padStart(4, '0')}`, name, id: name.toLowerCase() };
}

/**
 * Writes `count` small fictional profiles into `data.profilesDir` and their actors into actors.yaml. Each lists
 * its two neighbours, so the directory resolves every code and the data has no warnings. Building the text takes
 * milliseconds; creating 10,000 files takes the file system a second or two.
 */
export async function generateProfiles(data: TempData, count: number): Promise<void> {
  const entries: string[] = [];
  const files: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const actor = generatedActor(i);
    const next = generatedActor((i + 1) % count);
    const after = generatedActor((i + 2) % count);
    entries.push(actorEntry(actor.code, actor.name, [`${actor.name} Union`]));
    files.push([
      `${actor.id}.txt`,
      profileText(
        actor.name,
        `${actor.name} is a fictional river canton, number ${i}, made up for reload tests. Its ferries cross the Sarn.`,
        { Allies: [next.code], Rivals: [after.code] },
      ),
    ]);
  }
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(
      files.slice(i, i + 256).map(([name, text]) => writeFile(path.join(data.profilesDir, name), text)),
    );
  }
  await appendFile(data.actorsFile, entries.join(''));
}

/** Starts the bot on `data` with the loop probe loaded. */
export function startOpsBot(
  sim: DiscordSimulator,
  env: Record<string, string>,
  options: Omit<StartOptions, 'env'> = {},
): Promise<BotProcess> {
  return startBot(sim, { ...options, env: { NODE_OPTIONS: `--import=${LOOP_PROBE}`, ...env } });
}

/** Where interactions happen by default: the simulator's first guild and channel. */
export function here(sim: DiscordSimulator, extra: InteractionContext = {}): InteractionContext {
  const guild = sim.guilds[0]!;
  return { guildId: guild.id, channelId: guild.channels[0]!.id, ...extra };
}

export function replyData(r: InteractionResult): APIInteractionResponseCallbackData {
  return (r.original ?? r.callback?.data ?? {}) as APIInteractionResponseCallbackData;
}

export function firstEmbed(r: InteractionResult): APIEmbed | undefined {
  return replyData(r).embeds?.[0];
}

/** All the text of a reply: content and every embed's title, description and fields. */
export function replyText(r: InteractionResult): string {
  const data = replyData(r);
  const parts = [data.content ?? ''];
  for (const e of data.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

export function isEphemeralReply(r: InteractionResult): boolean {
  return ((replyData(r).flags ?? 0) & 64) !== 0;
}

/** Choices of an autocomplete callback. */
export function choices(r: InteractionResult): { name: string; value: string | number }[] {
  return (
    (r.callback?.data as { choices?: { name: string; value: string | number }[] } | undefined)?.choices ?? []
  );
}

/** A STATE_DIR of its own for a process that may get as far as loading the data (removed with the OS's temp). */
function scratchState(): string {
  return mkdtempSync(path.join(tmpdir(), 'dossier-state-'));
}

/**
 * Runs `npm start`'s entry point with exactly `env` (plus PATH and HOME) and no terminal, to its exit: for starts
 * that must fail. Output is split into lines, stdout and stderr together.
 */
export function runMain(
  env: Record<string, string>,
  timeoutMs = 15_000,
): Promise<{ code: number | string; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STATE_DIR: scratchState(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`src/main.ts did not exit within ${timeoutMs} ms; output:\n${text}`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? -1, lines: text.split('\n').filter((l) => l.trim() !== '') });
    });
  });
}
