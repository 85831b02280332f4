import { describe, expect, it } from 'vitest';
import type { RelationsMapModel } from '../../../src/render/relationsMap/index.ts';
import { MapCache } from '../../../src/render/relationsMap/mapCache.ts';
import type { MapPicture } from '../../../src/render/relationsMap/renderProcess.ts';
import { dataVersion } from '../../../src/render/relationsMapAttachment.ts';
import { loadFixtureEngine } from '../../engine/corpora.ts';

const model: RelationsMapModel = {
  kind: 'of',
  center: { code: 'VAL', name: 'Valdoria', hasProfile: true },
  actors: [],
  categories: [],
  edges: [],
};

function counting(bytes = 10) {
  let drawn = 0;
  const release: (() => void)[] = [];
  const render = (m: RelationsMapModel) =>
    new Promise<MapPicture>((resolve) => {
      drawn++;
      release.push(() => resolve({ png: Buffer.alloc(bytes, m.kind.length), width: 1, height: 1 }));
    });
  return {
    render,
    drawn: () => drawn,
    release: () => {
      for (const r of release.splice(0)) r();
    },
  };
}

describe('map cache', () => {
  it('draws a picture once however many ask for it at once, and serves it after', async () => {
    const r = counting();
    const cache = new MapCache(r.render);
    let built = 0;
    const build = () => {
      built++;
      return model;
    };
    const asked = [cache.get('k', build), cache.get('k', build), cache.get('k', build)];
    r.release();
    const pictures = await Promise.all(asked);
    expect(new Set(pictures).size).toBe(1);
    await cache.get('k', build);
    expect(r.drawn()).toBe(1);
    expect(built).toBe(1);
  });

  it('keeps to its byte bound, least recently used out first', async () => {
    const r = counting(40);
    const cache = new MapCache(r.render, 100);
    for (const key of ['a', 'b']) {
      const p = cache.get(key, () => model);
      r.release();
      await p;
    }
    const again = cache.get('a', () => model); // 'a' is now the most recent
    const c = cache.get('c', () => model);
    r.release();
    await Promise.all([again, c]);
    expect(cache.bytes).toBeLessThanOrEqual(100);
    expect(cache.size).toBe(2);
    const b = cache.get('b', () => model);
    r.release();
    await b;
    expect(r.drawn()).toBe(4); // a, b, c, and b again; a was kept
  });

  it('forgets a failed drawing so the next request tries again', async () => {
    let fail = true;
    const cache = new MapCache(async () => {
      if (fail) throw new Error('thread died');
      return { png: Buffer.alloc(1), width: 1, height: 1 };
    });
    await expect(cache.get('k', () => model)).rejects.toThrow('thread died');
    fail = false;
    await expect(cache.get('k', () => model)).resolves.toMatchObject({ width: 1 });
  });

  it('gives each engine (each version of the data) its own version', async () => {
    const a = await loadFixtureEngine();
    const b = await loadFixtureEngine();
    expect(dataVersion(a)).toBe(dataVersion(a));
    expect(dataVersion(a)).not.toBe(dataVersion(b));
  });
});
