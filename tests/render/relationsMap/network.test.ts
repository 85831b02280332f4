// The network map on the fixture of 9 fictional profiles and 60 actors: every actor drawn once with its whole
// name, no two labels on top of each other, the same picture for the same data; and the cap on large corpora.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { parseGenerated } from '../../../bench/loadGenerated.ts';
import { buildEngine, type Engine } from '../../../src/engine.ts';
import { loadCorpus } from '../../../src/profiles/loadCorpus.ts';
import { relationsMapScene, renderRelationsMapPng } from '../../../src/render/relationsMap/index.ts';
import { NETWORK_MAX_ACTORS, relationsNetworkModel } from '../../../src/render/relationsMapModel.ts';

const NETWORK_DIR = fileURLToPath(new URL('../../fixtures/network/', import.meta.url));

type Box = { x: number; y: number; w: number; h: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

let engine: Engine;
beforeAll(async () => {
  engine = await buildEngine(await loadCorpus(NETWORK_DIR));
});

describe('relations network map', () => {
  it('holds all 60 actors and 120 listings of the fixture', () => {
    const model = relationsNetworkModel(engine);
    expect(model.actors).toHaveLength(60);
    expect(model.actors.filter((a) => a.hasProfile)).toHaveLength(9);
    expect(model.edges).toHaveLength(120);
    expect(model.hidden).toBe(0);
  });

  it('draws every name whole, and no label over another or off the picture', () => {
    const model = relationsNetworkModel(engine);
    const scene = relationsMapScene(model);
    const texts = scene.shapes.flatMap((s) =>
      s.kind === 'text' ? [s.runs.map((r) => r.text).join('')] : [],
    );
    expect(texts.filter((t) => t.includes('…'))).toEqual([]);
    const all = texts.join(' ');
    for (const actor of model.actors) {
      expect(
        [actor.name, actor.short].some((n) => n && all.includes(n)),
        actor.name,
      ).toBe(true);
    }
    const labels: Box[] = scene.shapes.flatMap((s) =>
      s.kind === 'rect' && s.y < scene.height - 120 && s.h > 10 ? [{ x: s.x, y: s.y, w: s.w, h: s.h }] : [],
    );
    expect(labels.length).toBe(60);
    for (const box of labels) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.w).toBeLessThanOrEqual(scene.width);
    }
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        expect(overlaps(labels[i]!, labels[j]!), `labels ${i} and ${j} overlap`).toBe(false);
      }
    }
  });

  it('is the same picture for the same data', async () => {
    const again = await buildEngine(await loadCorpus(NETWORK_DIR));
    const a = renderRelationsMapPng(relationsNetworkModel(engine));
    const b = renderRelationsMapPng(relationsNetworkModel(again));
    expect(a.png.equals(b.png)).toBe(true);
  });

  it('narrows to a category', () => {
    const model = relationsNetworkModel(engine, 'Allies');
    expect(model.edges.length).toBeGreaterThan(0);
    expect(new Set(model.edges.map((e) => e.category))).toEqual(new Set(['Allies']));
  });

  it('leaves out the least connected actors of a large corpus, and counts them', async () => {
    const large = await buildEngine(parseGenerated(generateCorpus(100)));
    const model = relationsNetworkModel(large);
    expect(model.actors.length).toBe(NETWORK_MAX_ACTORS);
    expect(model.hidden).toBeGreaterThan(0);
    // The picture draws only the actors kept: no listing points at one left out.
    const kept = new Set(model.actors.map((a) => a.code));
    for (const e of model.edges) expect(kept.has(e.from) && kept.has(e.to)).toBe(true);
    const scene = relationsMapScene(model);
    expect(
      scene.shapes.some((s) => s.kind === 'text' && s.runs.some((r) => /more not drawn/.test(r.text))),
    ).toBe(true);
  });
});
