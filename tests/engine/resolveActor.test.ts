// Resolution of what a person types when it is not a name as written: a possessive, a misspelt name that is
// also a word of longer names, a name with words no actor has; and the edit distance behind it.
import { describe, expect, it } from 'vitest';
import { editDistance, resolveActor } from '../../src/search/resolveActor.ts';
import { makeEngine } from './corpora.ts';

const engine = await makeEngine({
  actors: [
    { code: 'DRV', name: 'Drevnia', profile: 'drevnia' },
    { code: 'DRE', name: 'Emirate of Drevnia', kind: 'de facto authority', aliases: ['Drevnian Emirate'] },
    { code: 'DLF', name: 'Drevnia Liberation Front', kind: 'non-state armed group' },
    { code: 'KSL', name: 'Kessel Union', aliases: ['Kessel'] },
  ],
  profiles: [{ id: 'drevnia', name: 'Drevnia', summary: ['Drevnia is an invented upland state.'] }],
});
const resolve = (typed: string) => {
  const r = resolveActor(engine.actors, typed);
  return r.kind === 'found'
    ? r.actor.code
    : r.kind === 'ambiguous'
      ? r.candidates.map((m) => m.actor.code)
      : null;
};

describe('resolveActor', () => {
  it('reads a possessive as the name it is made from', () => {
    expect(resolve('Drevnia’s')).toBe('DRV');
    expect(resolve("kessel's")).toBe('KSL');
  });

  it('a misspelt name goes to the actor whose whole name it is, not to those it is one word of', () => {
    expect(resolve('Drevna')).toBe('DRV');
    expect(resolve('Dervnia')).toBe('DRV');
    expect(resolve('Drevnia Liberation')).toBe('DLF');
    expect(resolve('emirat')).toBe('DRE');
  });

  it('offers names sharing a word with the query, and never picks one of them by itself', () => {
    expect(resolve('Kessel government')).toEqual(['KSL']);
    expect(resolve('Narnia Union')).toEqual(['KSL']);
    expect(resolve('Narnia')).toBeNull();
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('netwrok', 'network')).toBe(1);
    expect(editDistance('drevna', 'drevnia')).toBe(1);
    expect(editDistance('kessel', 'kessel')).toBe(0);
    expect(editDistance('abc', 'abcdef')).toBeGreaterThan(2);
  });
});
