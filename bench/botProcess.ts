// Starts the real bot process (`node --import tsx src/main.ts`, as `npm start` does) against the simulator,
// quietly: the bench wants LOG_LEVEL=warn, and the test harness waits for info-level lines it would then not see.
// Ready means the bot has registered its commands, which it does once its gateway session is up.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { botEnv, REPO_ROOT } from '../tests/e2e/botProcess.ts';
import type { DiscordSimulator } from '../tests/sim/index.ts';

const READY_TIMEOUT_MS = 120_000;

export interface RunningBot {
  /** stdout and stderr, for the report when something goes wrong (at warn level, mostly silence). */
  output: string[];
  /** CPU time the bot process has used so far (Linux only: read from /proc), or undefined. */
  cpuMs(): number | undefined;
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

export async function startQuietBot(sim: DiscordSimulator, dataDir: string): Promise<RunningBot> {
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: botEnv(sim, { DATA_DIR: dataDir, LOG_LEVEL: 'warn', WATCH_DATA: 'false' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await Promise.race([
      sim.waitFor(
        () => sim.registeredCommands().length > 0,
        READY_TIMEOUT_MS,
        'the bot to register its commands',
      ),
      exited.then(() => {
        throw new Error(`the bot exited before it was ready:\n${output.slice(-20).join('\n')}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { output, cpuMs: () => processCpuMs(child.pid), stop };
}
