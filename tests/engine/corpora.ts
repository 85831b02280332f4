// Corpora for the engine and render tests: the real seed and the fictional fixtures loaded from disk, and small
// fictional corpora built in memory from terse specs (every place, group and code in them is invented).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from '../../src/dispatch/commandModule.ts';
import type {
  AutocompleteRequest,
  CommandRequest,
  ComponentRequest,
  OptionValue,
} from '../../src/dispatch/request.ts';
import { buildEngine, type Engine } from '../../src/engine.ts';
import { assembleCorpus, type Corpus } from '../../src/profiles/corpus.ts';
import { type Actor, type Category, parseDirectory } from '../../src/profiles/directory.ts';
import { loadCorpus } from '../../src/profiles/loadCorpus.ts';
import type { Paragraph, Profile } from '../../src/profiles/schema.ts';

export const SEED_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/data/', import.meta.url));

export const loadSeedEngine = async (): Promise<Engine> => buildEngine(await loadCorpus(SEED_DIR));
export const loadFixtureEngine = async (): Promise<Engine> => buildEngine(await loadCorpus(FIXTURES_DIR));

/** The seed directory's categories (the fixtures use the same; AAOs has no meaning there on purpose). */
export const CATEGORIES: Category[] = parseDirectory(
  readFileSync(`${SEED_DIR}actors.yaml`, 'utf8'),
  'actors.yaml',
).directory.categories;

export interface ActorSpec {
  code: string;
  name: string;
  kind?: Actor['kind'];
  flag?: string;
  aliases?: string[];
  /** Profile id, when the actor has a profile. */
  profile?: string;
}

export interface ProfileSpec {
  id: string;
  name: string;
  image?: string;
  summary?: string[];
  interests?: { heading?: string; intro?: string[]; items: { title: string; body: string[] }[] };
  relationships?: { heading?: string; categories: { name: string; codes: string[] }[] };
  sections?: { heading: string; paragraphs: string[] }[];
}

/** A Profile as the parser would produce it; line numbers are made up but increasing. */
export function makeProfile(spec: ProfileSpec): Profile {
  let line = 1;
  const next = () => line++;
  const paragraphs = (texts: readonly string[]): Paragraph[] =>
    texts.map((text) => ({ text, line: next(), lineCount: 1 }));
  const nameLine = next();
  return {
    id: spec.id,
    file: `profiles/${spec.id}.txt`,
    name: spec.name,
    nameLine,
    image: spec.image ? { file: spec.image, line: next() } : null,
    summary: spec.summary ? { heading: 'Profile', line: next(), paragraphs: paragraphs(spec.summary) } : null,
    interests: spec.interests
      ? {
          heading: spec.interests.heading ?? 'Key Interests & Priorities',
          line: next(),
          intro: paragraphs(spec.interests.intro ?? []),
          items: spec.interests.items.map((item, i) => ({
            number: i + 1,
            title: item.title,
            line: next(),
            body: paragraphs(item.body),
          })),
        }
      : null,
    relationships: spec.relationships
      ? {
          heading: spec.relationships.heading ?? 'Relationships',
          line: next(),
          categories: spec.relationships.categories.map((c) => ({
            name: c.name,
            line: next(),
            codes: c.codes.map((code) => ({ code, line: next() })),
          })),
        }
      : null,
    sections: (spec.sections ?? []).map((s) => ({
      heading: s.heading,
      line: next(),
      paragraphs: paragraphs(s.paragraphs),
    })),
  };
}

export interface CorpusSpec {
  actors: ActorSpec[];
  profiles?: (ProfileSpec | Profile)[];
  categories?: Category[];
  teams?: { channel: string; ref: string }[];
}

export function makeCorpus(spec: CorpusSpec): Corpus {
  const actors: Actor[] = spec.actors.map((a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind ?? 'state',
    aliases: a.aliases ?? [],
    ...(a.flag ? { flag: a.flag } : {}),
    ...(a.profile ? { profile: a.profile } : {}),
  }));
  return assembleCorpus({
    profiles: (spec.profiles ?? []).map((p) => ('file' in p ? p : makeProfile(p))),
    directory: { categories: spec.categories ?? CATEGORIES, actors },
    teams: (spec.teams ?? []).map((t, i) => ({ ...t, line: i + 1 })),
    diagnostics: [],
    loadedAt: new Date('2026-01-02T03:04:05Z'),
  });
}

export const makeEngine = (spec: CorpusSpec): Promise<Engine> => buildEngine(makeCorpus(spec));

export const contextOf = (engine: Engine): Context => ({ engine, status: { startedAt: new Date() } });

const requester = (channelName: string | null = 'general', channelId = '300000000000000001') => ({
  user: { id: '100000000000000001', name: 'tester' },
  guildId: '200000000000000001',
  channel: { id: channelId, name: channelName },
});

export function commandRequest(
  command: string,
  options: Record<string, OptionValue>,
  extra: {
    subcommand?: string;
    channelName?: string | null;
    channelId?: string;
    targetMessage?: string;
  } = {},
): CommandRequest {
  return {
    ...requester(extra.channelName, extra.channelId),
    kind: 'command',
    command,
    options,
    ...(extra.subcommand ? { subcommand: extra.subcommand } : {}),
    ...(extra.targetMessage !== undefined
      ? { targetMessage: { id: '400000000000000001', content: extra.targetMessage } }
      : {}),
  };
}

export function autocompleteRequest(
  command: string,
  focused: { name: string; value: string },
  options: Record<string, OptionValue> = {},
  subcommand?: string,
): AutocompleteRequest {
  return {
    ...requester(),
    kind: 'autocomplete',
    command,
    focused,
    options,
    ...(subcommand ? { subcommand } : {}),
  };
}

export function componentRequest(customId: string, values: string[] = []): ComponentRequest {
  return { ...requester(), kind: 'component', customId, values };
}
