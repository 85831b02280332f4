// A reload re-indexes only what changed. Whatever the sequence of edits to a data directory (a profile added,
// removed or rewritten, the directory edited), the engine updated reload by reload answers every search,
// resolution and relations query exactly as an engine built afresh from the same files, each reload told only the
// profile files written since the last, as the data watcher tells it.
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEngine, type Engine, MAX_IN_PLACE_SECTIONS, updateEngine } from '../../src/engine.ts';
import { dataChanges } from '../../src/profiles/dataChanges.ts';
import { type LoadedFiles, loadData } from '../../src/profiles/loadCorpus.ts';
import { resolveActor } from '../../src/search/resolveActor.ts';

const WORDS = [
  'harbour',
  'harbours',
  'salt',
  'saltpetre',
  'ferry',
  'ferries',
  'toll',
  'river',
  'granary',
  'miners',
];
const CATEGORY_NAMES = ['Allies', 'Partners', 'Rivals', 'AAOs'];
const CATEGORIES_YAML = `categories:
${CATEGORY_NAMES.map((n) => `  - name: ${n}\n    polarity: unknown\n    colour: "#8A8F98"`).join('\n')}
`;

interface ActorModel {
  code: string;
  name: string;
  aliases: string[];
}
interface ProfileModel {
  /** File name without .txt; also the slug of the name, so the directory binds it. */
  id: string;
  name: string;
  summary: string;
  interests: { title: string; body: string }[];
  relations: { category: string; codes: string[] }[];
}
interface DataModel {
  actors: Map<string, ActorModel>;
  profiles: Map<string, ProfileModel>;
}

const NAMES = [
  'Vessaria',
  'Kadros',
  'Osland',
  'Merrow',
  'Tallis',
  'Quen',
  'Brisk',
  'Ulmar',
  'Dorne',
  'Hespa',
];
const CODES = ['VSR', 'KDR', 'OSL', 'MRW', 'TLS', 'QEN', 'BRK', 'ULM', 'DRN', 'HSP', 'XAA', 'XBB'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const profileModel = (name: string) =>
  fc
    .record({
      summary: sentence,
      interests: fc.array(fc.record({ title: sentence, body: sentence }), { maxLength: 3 }),
      relations: fc.array(
        fc.record({
          category: fc.constantFrom(...CATEGORY_NAMES),
          codes: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }),
        }),
        { maxLength: 2 },
      ),
    })
    .map(
      (r): ProfileModel => ({ id: name.toLowerCase(), name, ...r, relations: uniqueCategories(r.relations) }),
    );

function uniqueCategories(list: ProfileModel['relations']): ProfileModel['relations'] {
  return list.filter((c, i) => list.findIndex((o) => o.category === c.category) === i);
}

type Edit =
  | { kind: 'add' | 'change'; name: string; profile: ProfileModel }
  | { kind: 'remove'; name: string }
  | { kind: 'directory'; code: string; actor: ActorModel | null };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .constantFrom(...NAMES)
    .chain((name) => profileModel(name).map((profile) => ({ kind: 'add' as const, name, profile }))),
  fc
    .constantFrom(...NAMES)
    .chain((name) => profileModel(name).map((profile) => ({ kind: 'change' as const, name, profile }))),
  fc.constantFrom(...NAMES).map((name) => ({ kind: 'remove' as const, name })),
  fc
    .record({
      code: fc.constantFrom(...CODES),
      actor: fc.option(
        fc.record({
          name: fc.constantFrom(...NAMES, 'Saltmarsh League', 'River Compact'),
          aliases: fc.array(fc.constantFrom('Ferry Union', 'Granary Pact', 'Harbour Front'), {
            maxLength: 2,
          }),
        }),
      ),
    })
    .map(({ code, actor }) => ({ kind: 'directory' as const, code, actor: actor && { code, ...actor } })),
);

function profileText(p: ProfileModel): string {
  const lines = ['top of page', '', p.name, '', 'Profile', '', p.summary, ''];
  if (p.interests.length > 0) {
    lines.push('Key Interests & Priorities', '');
    for (const [i, item] of p.interests.entries()) lines.push(`${i + 1}. ${item.title}`, '', item.body, '');
  }
  if (p.relations.length > 0) {
    lines.push('Relationships', '');
    for (const c of p.relations) lines.push(c.category, '', ...c.codes, '');
  }
  lines.push('bottom of page');
  return `${lines.join('\n')}\n`;
}

function directoryText(actors: Map<string, ActorModel>): string {
  const seen = new Set<string>();
  const list = [...actors.values()].filter((a) => {
    // Two actors of one name would make the directory ambiguous, which is not what this test is about.
    if (seen.has(a.name)) return false;
    seen.add(a.name);
    return true;
  });
  const entries = list.map(
    (a) =>
      `  - code: ${a.code}\n    name: ${a.name}\n    kind: state\n    aliases: [${a.aliases.join(', ')}]`,
  );
  return `${CATEGORIES_YAML}actors:\n${entries.join('\n')}\n`;
}

/** Writes what `edited` changed; returns the profile files it wrote or removed, as a watcher names them. */
async function writeModel(dir: string, model: DataModel, edited: Edit | null): Promise<Set<string>> {
  if (!edited || edited.kind === 'directory')
    await writeFile(path.join(dir, 'actors.yaml'), directoryText(model.actors));
  if (!edited) {
    for (const p of model.profiles.values())
      await writeFile(path.join(dir, 'profiles', `${p.id}.txt`), profileText(p));
    return new Set([...model.profiles.values()].map((p) => `${p.id}.txt`));
  }
  if (edited.kind === 'remove') {
    const name = `${edited.name.toLowerCase()}.txt`;
    await unlink(path.join(dir, 'profiles', name)).catch(() => {});
    return new Set([name]);
  }
  if (edited.kind === 'add' || edited.kind === 'change') {
    const name = `${edited.profile.id}.txt`;
    await writeFile(path.join(dir, 'profiles', name), profileText(edited.profile));
    return new Set([name]);
  }
  return new Set();
}

function apply(model: DataModel, e: Edit): void {
  if (e.kind === 'remove') model.profiles.delete(e.name);
  else if (e.kind === 'directory') {
    if (e.actor) model.actors.set(e.code, e.actor);
    else model.actors.delete(e.code);
  } else model.profiles.set(e.name, e.profile);
}

/** Every answer an engine gives that a reload could change, as plain data. */
function answers(engine: Engine): unknown {
  const queries = [
    ...WORDS,
    'harbour salt',
    'ferries toll river',
    'salt granary miners',
    'vessaria harbour',
    'ferry union',
    'harbor',
    'saltpeter ferri',
    ...NAMES.map((n) => n.toLowerCase()),
  ];
  const search = queries.map((q) => {
    const found = engine.sections.search(q, { limit: 50 });
    return {
      q,
      total: found.total,
      mode: found.mode,
      suggestions: found.suggestions,
      hits: found.hits.map((h) => ({
        id: h.section.id,
        text: h.section.text,
        score: h.score,
        terms: h.terms,
      })),
    };
  });
  const favoured = engine.corpus.profiles.slice(0, 2).map((p) => ({
    p: p.id,
    hits: engine.sections
      .search('harbour salt', { favourProfileId: p.id, limit: 50 })
      .hits.map((h) => [h.section.id, h.score]),
    only: engine.sections.search('salt', { profileId: p.id }).hits.map((h) => h.section.id),
  }));
  const resolutions = [...CODES, ...NAMES, 'Ferry Union', 'vesaria', 'Saltmarsh'].map((q) => {
    const r = resolveActor(engine.actors, q);
    return { q, kind: r.kind, code: 'actor' in r ? r.actor.code : null };
  });
  const relations = engine.corpus.actors.map((a) => ({
    code: a.code,
    of: engine.graph.of(a),
    toward: engine.graph.toward(a),
  }));
  return { search, favoured, resolutions, relations, size: engine.sections.size };
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('incremental reload', () => {
  it('answers exactly as a full build, after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 })
          .chain((names) =>
            fc.tuple(fc.tuple(...names.map(profileModel)), fc.array(edit, { minLength: 1, maxLength: 6 })),
          ),
        async ([initial, edits]) => {
          const dir = await mkdtemp(path.join(tmpdir(), 'dossier-incremental-'));
          dirs.push(dir);
          await mkdir(path.join(dir, 'profiles'));
          const model: DataModel = {
            actors: new Map(
              CODES.slice(0, 8).map((code, i) => [code, { code, name: NAMES[i]!, aliases: [] }]),
            ),
            profiles: new Map(initial.map((p) => [p.name, p])),
          };
          await writeModel(dir, model, null);
          let loaded: { corpus: Engine['corpus']; files: LoadedFiles } = await loadData(dir);
          let engine = await buildEngine(loaded.corpus);
          for (const e of edits) {
            apply(model, e);
            // Only the files written are named, as the watcher names them: the others are not looked at.
            const named = await writeModel(dir, model, e);
            const next = await loadData(dir, loaded.files, named);
            dataChanges(loaded, next);
            await updateEngine(engine, next.corpus, (updated) => {
              engine = updated;
            });
            loaded = next;
            const fresh = await buildEngine((await loadData(dir)).corpus);
            expect(answers(engine)).toEqual(answers(fresh));
          }
          await rm(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('reports what changed, by profile id', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dossier-changes-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'profiles'));
    const model: DataModel = {
      actors: new Map([['VSR', { code: 'VSR', name: 'Vessaria', aliases: [] }]]),
      profiles: new Map(),
    };
    const p = (name: string, summary: string): ProfileModel => ({
      id: name.toLowerCase(),
      name,
      summary,
      interests: [],
      relations: [],
    });
    model.profiles.set('Vessaria', p('Vessaria', 'salt'));
    model.profiles.set('Kadros', p('Kadros', 'river'));
    await writeModel(dir, model, null);
    const first = await loadData(dir);
    await writeFile(path.join(dir, 'profiles', 'vessaria.txt'), profileText(p('Vessaria', 'harbour')));
    await unlink(path.join(dir, 'profiles', 'kadros.txt'));
    await writeFile(path.join(dir, 'profiles', 'osland.txt'), profileText(p('Osland', 'ferry')));
    const second = await loadData(dir, first.files);
    expect(dataChanges(first, second)).toEqual({
      added: ['osland'],
      removed: ['kadros'],
      changed: ['vessaria'],
      directoryChanged: false,
      teamsChanged: false,
    });
    // Unchanged files are not parsed again: the very same profile object comes back.
    const third = await loadData(dir, second.files);
    expect(third.corpus.profileById.get('osland')).toBe(second.corpus.profileById.get('osland'));
    await writeFile(path.join(dir, 'teams.yaml'), 'teams: []\n');
    await writeFile(path.join(dir, 'actors.yaml'), directoryText(new Map()));
    const fourth = await loadData(dir, third.files);
    expect(dataChanges(third, fourth)).toMatchObject({
      added: [],
      directoryChanged: true,
      teamsChanged: true,
    });
  });

  it('re-indexes only the changed sections, and rebuilds when too many changed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dossier-update-mode-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'profiles'));
    const many = Array.from(
      { length: MAX_IN_PLACE_SECTIONS + 5 },
      (_, i) => `Vess${String.fromCharCode(97 + (i % 26))}${i}`,
    );
    const model: DataModel = { actors: new Map(), profiles: new Map() };
    for (const name of many)
      model.profiles.set(name, {
        id: name.toLowerCase(),
        name,
        summary: 'salt river',
        interests: [],
        relations: [],
      });
    await writeModel(dir, model, null);
    const first = await loadData(dir);
    let engine = await buildEngine(first.corpus);
    await writeFile(
      path.join(dir, 'profiles', `${many[0]!.toLowerCase()}.txt`),
      profileText({
        id: many[0]!.toLowerCase(),
        name: many[0]!,
        summary: 'harbour',
        interests: [],
        relations: [],
      }),
    );
    const second = await loadData(dir, first.files);
    const small = await updateEngine(engine, second.corpus, (e) => {
      engine = e;
    });
    expect(small).toEqual({ mode: 'update', sectionsReindexed: 2 });
    expect(engine.sections.search('harbour').hits.map((h) => h.section.profileId)).toEqual([
      many[0]!.toLowerCase(),
    ]);
    for (const name of many)
      await writeFile(
        path.join(dir, 'profiles', `${name.toLowerCase()}.txt`),
        profileText({ id: name.toLowerCase(), name, summary: 'granary', interests: [], relations: [] }),
      );
    const third = await loadData(dir, second.files);
    const big = await updateEngine(engine, third.corpus, (e) => {
      engine = e;
    });
    expect(big.mode).toBe('rebuild');
    expect(engine.sections.search('granary').total).toBe(many.length);
  });
});
