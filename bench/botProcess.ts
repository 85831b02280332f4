// Starts the real bot process (`node dist/src/main.js`, as `npm start` does; run.ts builds it) against the simulator.
// The interactions section runs it quietly (LOG_LEVEL=warn: the test harness waits for info-level lines it would
// then not see), ready once it has registered its commands; the outside section spawns it with its own settings
// and reads its log lines to say where a start or a reload spent its time.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BOT_SCRIPT, botEnv, type LogLine, nodeArgs, REPO_ROOT } from '../tests/e2e/botProcess.ts';
import type { DiscordSimulator } from '../tests/sim/index.ts';
import { type ProcessMemory, readProcessMemory } from './processMemory.ts';

const READY_TIMEOUT_MS = 120_000;

export interface RunningBot {
  pid: number | undefined;
  /** stdout and stderr, for the report when something goes wrong. */
  output: string[];
  /** The JSON log lines among them. */
  logs: LogLine[];
  /** Date.now() at spawn, to place log lines (their `time`) on the start's timeline. */
  spawnedAt: number;
  /** CPU time the bot process has used so far (Linux only: read from /proc), or undefined. */
  cpuMs(): number | undefined;
  memory(): ProcessMemory | undefined;
  /** Resolves once the process has exited; never rejects. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** Linux reports utime and stime in clock ticks of USER_HZ, which is 100 on every mainstream build. */
const TICKS_PER_SECOND = 100;

function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces), from field 3 on: utime is 14th, stime 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Spawns the bot and returns at once; `env` adds to (or overrides) the simulator's clean environment. */
export function spawnBot(sim: DiscordSimulator, env: Record<string, string>): RunningBot {
  const output: string[] = [];
  const logs: LogLine[] = [];
  const spawnedAt = Date.now();
  const child: ChildProcess = spawn(process.execPath, nodeArgs(BOT_SCRIPT), {
    cwd: REPO_ROOT,
    env: botEnv(sim, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  const collect = (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      output.push(line);
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line: kept in output only.
      }
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid,
    output,
    logs,
    spawnedAt,
    cpuMs: () => processCpuMs(child.pid),
    memory: () => readProcessMemory(child.pid),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startQuietBot(sim: DiscordSimulator, dataDir: string): Promise<RunningBot> {
  const bot = spawnBot(sim, { DATA_DIR: dataDir, LOG_LEVEL: 'warn', WATCH_DATA: 'false' });
  try {
    await Promise.race([
      sim.waitFor(
        () => sim.registeredCommands().length > 0,
        READY_TIMEOUT_MS,
        'the bot to register its commands',
      ),
      bot.exited.then(() => {
        throw new Error(`the bot exited before it was ready:\n${bot.output.slice(-20).join('\n')}`);
      }),
    ]);
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return bot;
}
