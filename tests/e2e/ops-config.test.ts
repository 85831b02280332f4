// Start-up failures end to end: bad variables stop the start with exit 1 and one clear line each (no stack trace,
// no value echoed back); a missing DATA_DIR and a missing token each stop it with exit 1 and a clear message.
import path from 'node:path';
import { expect, it } from 'vitest';
import { copyFixtureData, FIXTURE_DATA, runMain } from './opsSupport.ts';

const TOKEN = 'test-token-SECRET-123';
const STACK_FRAME = /\bat .*\.(ts|js|mjs):\d+/;

it.concurrent('stops with one clear line per bad variable', async () => {
  const { code, lines } = await runMain({
    DISCORD_TOKEN: 'not a SECRET token',
    DISCORD_GUILD_ID: 'abc',
    HEALTH_PORT: 'notaport',
    DATA_DIR: FIXTURE_DATA,
  });
  expect(code).toBe(1);
  expect(lines).toHaveLength(3);
  const of = (name: string) => lines.filter((l) => l.startsWith(`config: ${name}: `));
  expect(of('DISCORD_TOKEN')).toHaveLength(1);
  expect(of('DISCORD_GUILD_ID')).toHaveLength(1);
  expect(of('HEALTH_PORT')).toHaveLength(1);
  expect(of('DISCORD_GUILD_ID')[0]).toMatch(/Discord id/);
  expect(of('HEALTH_PORT')[0]).toMatch(/65535/);
  const output = lines.join('\n');
  expect(output).not.toMatch(STACK_FRAME);
  // Values are never echoed back: one of them may be a token.
  expect(output).not.toContain('SECRET');
  expect(output).not.toContain('notaport');
});

it.concurrent('stops with a clear message when DATA_DIR does not exist, or has no profiles', async () => {
  const data = await copyFixtureData();
  try {
    for (const [dir, says] of [
      [path.join(data.dir, 'missing'), /data directory .*missing does not exist/],
      [path.join(data.dir, 'profiles'), /has no profiles\/ folder/],
    ] as const) {
      const { code, lines } = await runMain({ DISCORD_TOKEN: TOKEN, DATA_DIR: dir, LOG_LEVEL: 'info' });
      expect(code).toBe(1);
      const fatal = lines
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .find((l) => l.level === 60);
      expect(fatal?.msg).toMatch(says);
      expect(lines.join('\n')).not.toMatch(STACK_FRAME);
      expect(lines.join('\n')).not.toContain(TOKEN);
    }
  } finally {
    await data.remove();
  }
});

it.concurrent('stops with a clear message when there is no token and no terminal', async () => {
  const { code, lines } = await runMain({ DISCORD_TOKEN: '', DATA_DIR: FIXTURE_DATA });
  expect(code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/DISCORD_TOKEN is not set/);
  expect(lines[0]).toMatch(/\.env/);
});
