// Loaded into the bot process (NODE_OPTIONS=--import) by the operations tests: a 5 ms timer that logs, as a
// pino-shaped JSON line, every time the event loop was held for more than 20 ms. On Linux the line also says how
// long the main thread really ran meanwhile (`runMs`) and how long it waited for a CPU (`waitMs`), which tells a
// bot busy with its own work from a machine busy with other processes. Plain JavaScript: it loads before tsx.
import { readFileSync } from 'node:fs';

const TICK_MS = 5;
const REPORT_OVER_MS = 20;
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** Main thread's time on a CPU and waiting for one, in ms; undefined where /proc does not say. */
function schedstat() {
  try {
    const [run, wait] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number);
    return { run: run / 1e6, wait: wait / 1e6 };
  } catch {
    return undefined;
  }
}

let last = performance.now();
let lastSched = schedstat();
setInterval(() => {
  const now = performance.now();
  const sched = schedstat();
  const held = now - last - TICK_MS;
  if (held > REPORT_OVER_MS) {
    const line = { level: 20, time: Date.now(), msg: 'event loop stall', ms: Math.round(held) };
    if (sched && lastSched) {
      line.runMs = Math.round(sched.run - lastSched.run);
      line.waitMs = Math.round(sched.wait - lastSched.wait);
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  last = now;
  lastSched = sched;
}, TICK_MS).unref();
