// `npm run console`: one-shot commands, --json, --out and the interactive prompt, run as a user would run them.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/console/parseCommandLine.ts';
import { callbackBody } from '../../src/dispatch/callbackBody.ts';
import { Dispatcher } from '../../src/dispatch/dispatcher.ts';
import { createLogger } from '../../src/log/logger.ts';
import { EngineHolder } from '../../src/runtime/engineHolder.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The console records a change set on start: into a STATE_DIR of this file's own, not the repository's. */
const STATE_DIR = mkdtempSync(path.join(tmpdir(), 'dossier-console-state-'));

function runConsole(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/console/main.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: 'data',
        STATE_DIR,
        NO_COLOR: '1',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdin.end(input ?? '');
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run console', () => {
  it('answers the README examples and exits', async () => {
    const profile = await runConsole(['/profile tajikistan']);
    expect(profile.code).toBe(0);
    expect(profile.stdout).toContain('Tajikistan');
    expect(profile.stdout).toContain('Overview · page 1 of 3');
    expect(profile.stdout).toMatch(/keys:.*n Next/);

    const between = await runConsole(['/relations between tajikistan russia']);
    expect(between.code).toBe(0);
    expect(between.stdout).toContain('How Tajikistan lists Russia');
    expect(between.stdout).toContain('Allies');
    expect(between.stdout).toContain('(attachment relations-map.png');

    const search = await runConsole(['/search narcotics']);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Tajikistan › 2. Narcotics');
  });

  it('reads actor names typed unquoted, splitting two names where both resolve', async () => {
    const profile = await runConsole(['/profile Islamic Republic of Iran']);
    expect(profile.code).toBe(0);
    expect(profile.stdout).toContain('Islamic Republic of Iran has no profile');

    const prompt = await runConsole(
      [],
      '/relations between tajikistan islamic republic of iran\n/relations between tajikistan narnia land\n',
    );
    expect(prompt.code).toBe(0);
    expect(prompt.stdout).toContain('How Tajikistan lists Islamic Republic of Iran');
    expect(prompt.stdout).toContain(
      '“tajikistan narnia land” does not split into two actor names that Dossier knows. Quote each name: ' +
        '/relations between "first actor" "second actor".',
    );
  });

  it('--json prints exactly the interaction response the bot would send', async () => {
    const line = '/relations of tajikistan';
    const printed = await runConsole(['--json', line]);
    expect(printed.code).toBe(0);
    const body = JSON.parse(printed.stdout) as APIInteractionResponse;

    const holder = await EngineHolder.load('data', createLogger({ level: 'silent' }));
    const dispatcher = new Dispatcher({
      commands: COMMANDS,
      context: () => ({ engine: holder.engine, status: holder.status }),
      logger: createLogger({ level: 'silent' }),
    });
    const parsed = parseCommandLine(line, COMMANDS, {
      user: { id: '100000000000000000', name: 'console' },
      guildId: '100000000000000001',
      channel: null,
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = callbackBody((await dispatcher.dispatch(parsed.request)).response);
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    // The attachment is part of the payload, and the embed shows it.
    expect(body).toMatchObject({
      type: 4,
      data: {
        attachments: [{ id: '0', filename: 'relations-map.png' }],
        embeds: [{ image: { url: 'attachment://relations-map.png' } }],
      },
    });
  });

  it('--out saves the relations map as a PNG', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dossier-console-')), 'map.png');
    const r = await runConsole(['--out', file, '/relations of tajikistan']);
    expect(r.code).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('--channel makes a team channel the default actor', async () => {
    const r = await runConsole(['--channel', 'team-tajikistan', '/profile']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Team default: Tajikistan (TJK), from #team-tajikistan');
  });

  it('the prompt runs commands and presses page keys', async () => {
    const r = await runConsole([], '/profile tajikistan\nn\nn\np\n/nosuch\nexit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Overview · page 1 of 3');
    expect(r.stdout).toContain('page 2 of 3');
    expect(r.stdout).toContain('page 3 of 3');
    // `p` from the last page goes back to page 2: it appears twice.
    expect(r.stdout.split('page 2 of 3').length - 1).toBe(2);
    expect(r.stdout).toContain('No command /nosuch');
  });

  it('leaves on exit, quit and .exit, as Node’s REPL does, without running what follows', async () => {
    for (const word of ['quit', '.exit']) {
      const r = await runConsole([], `${word}\n/profile tajikistan\n`);
      expect(r.code, word).toBe(0);
      expect(r.stdout, word).toContain('exit or Ctrl-D quits');
      expect(r.stdout, word).not.toContain('Overview · page 1 of 3');
    }
  });

  it('explains bad usage', async () => {
    const r = await runConsole(['--out']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('--out needs a value');
    expect(r.stdout).toContain('Usage: npm run console');
  });

  it('a console start records a change set, and /changes lists it (also as --json)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dossier-console-data-'));
    cpSync(path.join(ROOT, 'tests/fixtures/data'), dataDir, { recursive: true });
    const env = { DATA_DIR: dataDir, STATE_DIR: mkdtempSync(path.join(tmpdir(), 'dossier-console-state-')) };
    const first = await runConsole(['/changes'], undefined, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('baseline recorded: 3 profiles');

    const kesh = path.join(dataDir, 'profiles/kesh.txt');
    writeFileSync(kesh, readFileSync(kesh, 'utf8').replace('first priority', 'first and only priority'));
    const listed = await runConsole(['/changes kesh'], undefined, env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Recent changes about Kesh');
    expect(listed.stdout).toMatch(/Interest 1 “Dams” rewritten \(\+2 words\)/);
    expect(listed.stdout).not.toContain('baseline recorded');

    // Nothing changed since: this start records nothing, and the JSON is the bot's payload for the same list.
    const json = await runConsole(['--json', '/changes kesh'], undefined, env);
    const body = JSON.parse(json.stdout) as APIInteractionResponse & {
      data: { embeds: { description: string }[] };
    };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]!.description).toMatch(/^\*\*#2\*\* · /);
  });
});
