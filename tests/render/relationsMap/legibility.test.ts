// No name is cut on the maps of the seed and of a fixture of fictional actors with long names: every listed
// actor appears whole (its full or its short name, possibly over several lines) and inside the picture.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine.ts';
import { buildEngine } from '../../../src/engine.ts';
import { loadCorpus } from '../../../src/profiles/loadCorpus.ts';
import type { RelationsMapModel } from '../../../src/render/relationsMap/index.ts';
import { relationsMapScene } from '../../../src/render/relationsMap/render.ts';
import { textWidth } from '../../../src/render/relationsMap/text.ts';
import { type RelationsQuery, relationsMapModel } from '../../../src/render/relationsMapModel.ts';
import { loadSeedEngine } from '../../engine/corpora.ts';

const LONG_NAMES_DIR = fileURLToPath(new URL('../../fixtures/network/', import.meta.url));

function texts(model: RelationsMapModel) {
  const scene = relationsMapScene(model);
  return {
    scene,
    lines: scene.shapes.flatMap((s) =>
      s.kind === 'text' ? [{ ...s, text: s.runs.map((r) => r.text).join('') }] : [],
    ),
  };
}

/** The actors a map is about, whose names it must show whole too. */
function named(model: RelationsMapModel) {
  if (model.kind === 'between') return [model.a, model.b, ...model.actors];
  if (model.kind === 'network') return model.actors;
  return [model.center, ...model.actors];
}

function expectWhole(model: RelationsMapModel) {
  const { scene, lines } = texts(model);
  for (const line of lines) {
    expect(line.text, 'a label was cut').not.toContain('…');
    const width = textWidth(line.text, line.size, line.bold);
    const left =
      line.anchor === 'middle' ? line.x - width / 2 : line.anchor === 'end' ? line.x - width : line.x;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left + width).toBeLessThanOrEqual(scene.width);
    expect(line.y).toBeLessThanOrEqual(scene.height);
  }
  const all = lines.map((l) => l.text).join(' ');
  for (const actor of named(model)) {
    const shown = [actor.name, actor.short].filter((n): n is string => Boolean(n));
    expect(
      shown.some((n) => all.includes(n)),
      `${actor.name} is not shown whole`,
    ).toBe(true);
  }
}

function queries(engine: Engine): RelationsQuery[] {
  return engine.corpus.profiles.flatMap((profile): RelationsQuery[] => {
    const actor = engine.corpus.actorOfProfile.get(profile.id);
    if (!actor) return [];
    return [
      { kind: 'of', result: engine.graph.of(actor) },
      { kind: 'toward', result: engine.graph.toward(actor) },
    ];
  });
}

/** Every profiled actor with every actor it lists or that lists it: the pairs a user can ask about. */
function betweenQueries(engine: Engine): RelationsQuery[] {
  return engine.corpus.profiles.flatMap((profile): RelationsQuery[] => {
    const a = engine.corpus.actorOfProfile.get(profile.id);
    if (!a) return [];
    const related = new Set([
      ...engine.graph.of(a).categories.flatMap((c) => c.actors.map((x) => x.code)),
      ...engine.graph.toward(a).edges.map((e) => e.from.code),
    ]);
    return [...related].flatMap((code): RelationsQuery[] => {
      const b = engine.corpus.actorByCode.get(code);
      return b && b !== a ? [{ kind: 'between', result: engine.graph.between(a, b) }] : [];
    });
  });
}

describe('relations map legibility', () => {
  let seed: Engine;
  let longNames: Engine;
  beforeAll(async () => {
    seed = await loadSeedEngine();
    longNames = await buildEngine(await loadCorpus(LONG_NAMES_DIR));
  });

  it("cuts no label of the seed's maps", () => {
    for (const query of queries(seed)) expectWhole(relationsMapModel(seed, query));
  });

  it("cuts no label of the seed's between maps", () => {
    const all = betweenQueries(seed);
    expect(all.length).toBeGreaterThan(10);
    for (const query of all) expectWhole(relationsMapModel(seed, query));
  });

  it('cuts no label of the long-name fixture, wrapping or using the short name instead', () => {
    const all = queries(longNames);
    expect(all.length).toBe(18);
    for (const query of all) expectWhole(relationsMapModel(longNames, query));
    const lorvath = longNames.corpus.actorByCode.get('LRV')!;
    const { lines } = texts(
      relationsMapModel(longNames, { kind: 'of', result: longNames.graph.of(lorvath) }),
    );
    const text = lines.map((l) => l.text);
    expect(text[0]).toMatch(/^Lorvath — /);
    expect(text).toContain('Amber Coast');
    expect(text).toContain('Sel Highlands');
  });

  it("cuts no label of the long-name fixture's between maps: pills, nodes, captions and banner", () => {
    const all = betweenQueries(longNames);
    expect(all.length).toBeGreaterThan(40);
    for (const query of all) expectWhole(relationsMapModel(longNames, query));
  });

  it('cuts no label of the map of how others list any actor, profiled or not', () => {
    for (const engine of [seed, longNames]) {
      for (const actor of engine.corpus.actors) {
        expectWhole(relationsMapModel(engine, { kind: 'toward', result: engine.graph.toward(actor) }));
      }
    }
  });

  it('wraps or shortens long names in the pills of actors both list, as the hub maps do', () => {
    const code = (c: string) => longNames.corpus.actorByCode.get(c)!;
    const moravel = relationsMapModel(longNames, {
      kind: 'between',
      result: longNames.graph.between(code('MRV'), code('YSK')),
    });
    // The full name does not fit half a line, so the directory's short name stands in, as on the 'of' map.
    expect(texts(moravel).lines.map((l) => l.text)).toContain('Amber Coast');
    const withRaf = relationsMapModel(longNames, {
      kind: 'between',
      result: longNames.graph.between(code('LRV'), code('RAF')),
    });
    const lines = texts(withRaf).lines.map((l) => l.text);
    // RAF has no short name: its node widens and wraps the whole name; running text falls back to its code.
    expect(lines.join(' ')).toContain('Revolutionary Armed Forces of the Southern Sel Highlands');
    expect(lines).toContain('Lorvath lists RAF as');
  });
});
