// `npm run console`: Dossier's commands in a terminal, through the same handlers the bot uses. One command from
// the arguments (`npm run console -- "/profile tajikistan"`), or a prompt with tab completion.
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { COMMANDS } from '../../commands/index.ts';
import { ACTOR_OPTION_NAMES } from '../../commands/shared.ts';
import type { Config } from '../config/config.ts';
import { callbackBody } from '../dispatch/callbackBody.ts';
import { Dispatcher } from '../dispatch/dispatcher.ts';
import type { Request, Requester } from '../dispatch/request.ts';
import type { Response } from '../dispatch/response.ts';
import { History } from '../history/history.ts';
import { createLogger } from '../log/logger.ts';
import { counted } from '../plural.ts';
import type { Corpus } from '../profiles/corpus.ts';
import { DataDirectoryError } from '../profiles/loadCorpus.ts';
import { EngineHolder } from '../runtime/engineHolder.ts';
import type { ActorIndex } from '../search/actorIndex.ts';
import { resolveActor } from '../search/resolveActor.ts';
import { type ActorNames, chatCommandNames, parseCommandLine, tokenize } from './parseCommandLine.ts';
import { type Key, renderTerminal } from './renderTerminal.ts';

export interface ConsoleOptions {
  config: Pick<Config, 'DATA_DIR' | 'STATE_DIR' | 'CHANGES_CHANNEL_ID'>;
  args: string[];
  output?: NodeJS.WritableStream;
}

const USAGE = `Usage: npm run console -- [--json] [--out FILE] [--channel NAME] ["/command ..."]
  --json          print the exact interaction response the bot would send
  --out FILE      save the reply's attachment (the relations map) to FILE
  --channel NAME  run as if in the channel #NAME (team channels: #team-<actor>)
With no command, opens a prompt: type /help, a command, or a key shown under a reply; Tab completes.`;

export async function runConsole(options: ConsoleOptions): Promise<number> {
  const out = options.output ?? process.stdout;
  const print = (s: string) => out.write(`${s}\n`);
  const flags = parseFlags(options.args);
  if (!flags.ok) {
    print(flags.error);
    print(USAGE);
    return 2;
  }
  const logger = createLogger({ level: 'warn', destination: process.stderr as unknown as undefined });
  let holder: EngineHolder;
  try {
    holder = await EngineHolder.load(options.config.DATA_DIR, createLogger({ level: 'error' }));
  } catch (err) {
    if (err instanceof DataDirectoryError) {
      print(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  // A console start is a load like any other: it records a change set (the bot posts it, if a feed is set).
  const history = History.open({
    stateDir: options.config.STATE_DIR,
    dataDir: options.config.DATA_DIR,
    logger,
    feedChannelId: options.config.CHANGES_CHANNEL_ID,
  });
  await history.record(holder.engine.corpus, 'console start');
  try {
    return await session(flags, holder, history, logger, print, out);
  } finally {
    history.close();
  }
}

async function session(
  flags: Extract<Flags, { ok: true }>,
  holder: EngineHolder,
  history: History,
  logger: ReturnType<typeof createLogger>,
  print: (s: string) => void,
  out: NodeJS.WritableStream,
): Promise<number> {
  const dispatcher = new Dispatcher({
    commands: COMMANDS,
    context: () => ({ engine: holder.engine, status: holder.status, history }),
    logger,
  });
  const requester: Requester = {
    user: { id: '100000000000000000', name: 'console' },
    guildId: '100000000000000001',
    channel: flags.channel ? { id: '100000000000000002', name: flags.channel } : null,
  };
  const colour = Boolean((out as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR;

  const show = async (response: Response): Promise<Key[]> => {
    if (flags.json) {
      print(JSON.stringify(callbackBody(response), null, 2));
    } else if (response.type === 'choices') {
      for (const c of response.choices) print(`${c.value}\t${c.name}`);
    } else {
      const rendered = renderTerminal(response.reply.data, { colour });
      print(rendered.text);
      for (const f of response.reply.files)
        if (!flags.out)
          print(`(attachment ${f.name}, ${counted(f.data.length, 'byte')}: save it with --out FILE)`);
    }
    if (flags.out && response.type !== 'choices') {
      const file = response.reply.files[0];
      if (file) {
        await writeFile(flags.out, file.data);
        (flags.json ? process.stderr : out).write(`saved ${file.name} to ${flags.out}\n`);
      }
    }
    return response.type === 'choices' ? [] : renderTerminal(response.reply.data, { colour: false }).keys;
  };

  const runLine = async (line: string, keys: Key[]): Promise<{ keys: Key[]; failed: boolean }> => {
    const key = keys.find((k) => k.key === line.trim());
    let request: Request;
    if (key) {
      request = {
        ...requester,
        kind: 'component',
        customId: key.customId,
        values: key.value ? [key.value] : [],
      };
    } else {
      const parsed = parseCommandLine(line, COMMANDS, requester, actorNames(holder.engine.actors));
      if (!parsed.ok) {
        print(parsed.error);
        return { keys, failed: true };
      }
      request = parsed.request;
    }
    const result = await dispatcher.dispatch(request);
    return { keys: await show(result.response), failed: result.outcome === 'error' };
  };

  if (flags.command) {
    const { failed } = await runLine(flags.command, []);
    return failed ? 1 : 0;
  }

  print(
    `Dossier console — ${counted(holder.engine.corpus.profiles.length, 'profile')}, ${counted(holder.engine.corpus.actors.length, 'actor')}. Commands: ${chatCommandNames(COMMANDS).join(' ')}. exit or Ctrl-D quits.`,
  );
  const rl = createInterface({
    input: process.stdin,
    output: out,
    completer: (line: string) => complete(line, dispatcher, requester, () => holder.engine.corpus),
    terminal: Boolean(process.stdin.isTTY),
  });
  rl.setPrompt('dossier> ');
  let keys: Key[] = [];
  rl.prompt();
  for await (const line of rl) {
    if (/^\.?(exit|quit)$/i.test(line.trim())) break;
    if (line.trim()) keys = (await runLine(line, keys)).keys;
    rl.prompt();
  }
  rl.close();
  return 0;
}

/** How the parser tells where one unquoted actor name ends and the next begins: by resolving them. */
export function actorNames(index: ActorIndex): ActorNames {
  const taking: ReadonlySet<string> = new Set(ACTOR_OPTION_NAMES);
  return {
    takesName: (option) => taking.has(option.name),
    resolve: (text) => {
      const r = resolveActor(index, text);
      return r.kind !== 'found' ? null : r.match.tier === 'exact' ? 'exact' : 'found';
    },
  };
}

/**
 * Tab completion: command names, then actors through the same autocomplete Discord users get. An actor completes
 * to its profile id (`tajikistan`) when it has one, else to its code: single words the parser reads back.
 */
export async function complete(
  line: string,
  dispatcher: Dispatcher,
  requester: Requester,
  corpus: () => Corpus,
): Promise<[string[], string]> {
  if (/^\/?\S*$/.test(line)) {
    const names = chatCommandNames(COMMANDS);
    return [names.filter((n) => n.startsWith(line.startsWith('/') ? line : `/${line}`)), line];
  }
  const tokens = tokenize(line);
  const last = /\s$/.test(line) ? '' : (tokens[tokens.length - 1] ?? '');
  const typed = last.replace(/^[a-z]+:/, '');
  const command = tokens[0]?.replace(/^\//, '') ?? '';
  const result = await dispatcher.dispatch({
    ...requester,
    kind: 'autocomplete',
    command,
    options: {},
    focused: { name: 'actor', value: typed },
  });
  if (result.response.type !== 'choices') return [[], last];
  const prefix = last.slice(0, last.length - typed.length);
  const word = (code: string) => corpus().actorByCode.get(code)?.profileId ?? code.toLowerCase();
  return [result.response.choices.map((c) => `${prefix}${word(String(c.value))}`), last];
}

type Flags =
  | { ok: true; json: boolean; out?: string; channel?: string; command?: string }
  | { ok: false; error: string };

function parseFlags(args: string[]): Flags {
  const rest: string[] = [];
  let json = false;
  let out: string | undefined;
  let channel: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--out' || a === '--channel') {
      const v = args[++i];
      if (!v) return { ok: false, error: `${a} needs a value` };
      if (a === '--out') out = v;
      else channel = v.replace(/^#/, '');
    } else if (a === '--help' || a === '-h') return { ok: false, error: '' };
    else rest.push(a);
  }
  const command = rest.join(' ').trim() || undefined;
  return { ok: true, json, out, channel, command };
}
