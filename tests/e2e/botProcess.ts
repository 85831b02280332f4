// Starts the real bot (`node dist/src/main.js`, as `npm start` does after building it; the tests' global setup builds
// it) against a Discord simulator, and collects its JSON log lines so tests can wait for and assert on them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiscordSimulator } from '../sim/index.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What `npm start` runs once it has built dist/. */
export const BOT_SCRIPT = 'dist/src/main.js';

/** Node's arguments for a script: the built JavaScript as it is, a TypeScript source through tsx. */
export function nodeArgs(script: string): string[] {
  return script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface BotProcess {
  child: ChildProcess;
  logs: LogLine[];
  /** Raw stdout and stderr, for what is not JSON (config errors, crashes). */
  output: string[];
  healthPort?: number;
  waitForLog(predicate: (l: LogLine) => boolean, timeoutMs?: number, what?: string): Promise<LogLine>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Script to run instead of the built bot (e.g. the sharding manager's source). */
  script?: string;
  /** Wait until commands are synced (default) or just until the process logs anything. */
  waitForReady?: boolean;
}

/**
 * A clean environment for a bot process pointed at the simulator: nothing of the caller's own configuration
 * leaks in, and no cooldown gets in the way of tests driving many interactions.
 */
export function botEnv(
  sim: DiscordSimulator,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DISCORD_TOKEN: sim.token,
    DISCORD_API_URL: sim.apiUrl,
    DATA_DIR: 'tests/fixtures/data',
    // Snapshots of the tests' data stay out of the repository.
    STATE_DIR: path.join(tmpdir(), 'dossier-test-state'),
    COOLDOWN_COMMANDS: '0',
    // As `npm start` sets it (see README, Performance).
    MALLOC_ARENA_MAX: '1',
    ...overrides,
  };
}

export async function startBot(sim: DiscordSimulator, options: StartOptions = {}): Promise<BotProcess> {
  const logs: LogLine[] = [];
  const output: string[] = [];
  const waiters = new Set<() => void>();
  // Each bot keeps its history in a STATE_DIR of its own unless the test shares one (a restart).
  const ownState = options.env?.STATE_DIR ? null : mkdtempSync(path.join(tmpdir(), 'dossier-state-'));
  const child = spawn(process.execPath, nodeArgs(options.script ?? BOT_SCRIPT), {
    cwd: REPO_ROOT,
    env: botEnv(sim, {
      LOG_LEVEL: 'debug',
      HEALTH_PORT: '0',
      // The warm-up draws a map in a render thread: a second of CPU at every start, which only the suites that
      // expect first answers to come undeferred ask for.
      WARM_UP: 'false',
      ...(ownState ? { STATE_DIR: ownState } : {}),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      output.push(line);
      try {
        const parsed = JSON.parse(line) as LogLine;
        if (typeof parsed === 'object' && parsed && 'msg' in parsed) logs.push(parsed);
      } catch {
        // Not a log line: kept in output only.
      }
      nl = buffer.indexOf('\n');
    }
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      if (ownState) rmSync(ownState, { recursive: true, force: true });
      resolve(code ?? signal ?? -1);
    }),
  );
  // 'close' comes after the last output: from then on no awaited line can arrive, so waiting fails at once.
  let closed = false;
  child.on('close', () => {
    closed = true;
    for (const w of waiters) w();
  });

  const waitForLog = (predicate: (l: LogLine) => boolean, timeoutMs = 15_000, what = 'a log line') =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(predicate);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        } else if (closed) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(
            new Error(
              `the bot exited (${child.exitCode ?? child.signalCode}) before ${what}; output:\n${output.slice(-30).join('\n')}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; output:\n${output.slice(-30).join('\n')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const bot: BotProcess = {
    child,
    logs,
    output,
    waitForLog,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const health = await waitForLog(
    (l) => l.msg === 'health endpoint listening on /healthz',
    15_000,
    'the health endpoint',
  ).catch(() => null);
  if (health) bot.healthPort = health.port as number;
  if (options.waitForReady !== false) {
    try {
      await waitForLog((l) => l.msg === 'commands synced', 20_000, 'commands synced');
    } catch (error) {
      // A bot that never got ready must not outlive the test that started it.
      await bot.stop('SIGKILL');
      throw error;
    }
  }
  return bot;
}

export async function getHealth(bot: BotProcess): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${bot.healthPort}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
