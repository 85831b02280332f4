// Ranking cases /search must get right, over a small invented corpus: a name finds the section that discusses
// the group above a listing that merely names it; a relationships question reaches that actor's Relationships
// section; a long query naming several places reaches the section about them; codes count in capitals; word
// forms meet at their stem.
import { describe, expect, it } from 'vitest';
import { readQueryIntent } from '../../src/search/queryIntent.ts';
import { searchSections } from '../../src/search/searchSections.ts';
import { loadSeedEngine, makeEngine } from '../engine/corpora.ts';

const engine = await makeEngine({
  actors: [
    { code: 'MRV', name: 'Morvania', profile: 'morvania', aliases: ['Republic of Morvania', 'Tessel'] },
    { code: 'QLD', name: 'Quellard', profile: 'quellard', aliases: ['Quellardi Union'] },
    { code: 'ASH', name: 'Ashen Hand', kind: 'non-state armed group', aliases: ['the Hand'] },
    { code: 'DLR', name: 'Dalmor', aliases: ['Dalmori Kingdom'] },
    { code: 'PLG', name: 'Pell Guard', kind: 'organisation' },
  ],
  profiles: [
    {
      id: 'morvania',
      name: 'Morvania',
      summary: [
        'Morvania is an invented river republic. Salt and timber are carried from Quellard to Dalmor and the coast ' +
          'along its roads, and smugglers have used them for decades. The capital, Tessel, sits on the river Orm.',
      ],
      interests: {
        items: [
          {
            title: 'Frontier Security',
            body: [
              'The Ashen Hand, an armed group sheltering across the frontier, has raided border posts twice. ' +
                'Tessel fears the Ashen Hand will seize the upper valleys, and has asked the Pell Guard for help.',
            ],
          },
          {
            title: 'Contraband',
            body: [
              'Smuggled salt moves from Quellard through Morvania into Dalmor, hidden in timber lorries; customs ' +
                'officers are few and poorly paid.',
            ],
          },
        ],
      },
      relationships: {
        categories: [
          { name: 'Allies', codes: ['QLD'] },
          { name: 'Partners', codes: ['PLG', 'DLR'] },
          { name: 'Adversaries', codes: ['ASH'] },
        ],
      },
    },
    {
      id: 'quellard',
      name: 'Quellard',
      summary: [
        'Quellard is an invented mining union in the hills; posts on its border sell salt to the lowlands.',
      ],
      interests: {
        items: [{ title: 'Salt Mines', body: ['The salt mines employ a third of the workforce.'] }],
      },
      relationships: {
        categories: [
          { name: 'Allies', codes: ['MRV'] },
          { name: 'Rivals', codes: ['ASH'] },
        ],
      },
    },
  ],
});
const ids = (query: string, options = {}) =>
  searchSections(engine, query, options).hits.map((h) => h.section.id);

describe('a name finds the section that discusses the actor', () => {
  it('the interest about the group ranks above the listings that merely name it', () => {
    const found = ids('Ashen Hand');
    expect(found[0]).toBe('morvania:interest-1');
    expect(found.indexOf('morvania:relationships')).toBeGreaterThan(0);
    expect(found.indexOf('quellard:relationships')).toBeGreaterThan(0);
  });

  it('a code typed in capitals names the actor; in lower case it is only a word', () => {
    expect(ids('ASH raids')[0]).toBe('morvania:interest-1');
    const intent = (q: string) => readQueryIntent(q, engine).actors.map((a) => a.actor.code);
    expect(intent('ASH raids')).toEqual(['ASH']);
    expect(intent('ash raids')).toEqual([]);
  });
});

describe('a question about relationships', () => {
  it('puts the actor’s Relationships section first', () => {
    for (const q of [
      'which countries Morvania lists as partners',
      'Morvania allies',
      "who are Morvania's rivals",
    ]) {
      expect(ids(q)[0], q).toBe('morvania:relationships');
    }
  });

  it('reaches the Relationships section even when none of its words match', () => {
    expect(ids('enemies of the Quellardi Union')[0]).toBe('quellard:relationships');
  });

  it('a relationships word with a subject of its own is a search about that subject', () => {
    const intent = readQueryIntent('Morvania partners in salt smuggling', engine);
    expect(intent.asksRelations).toBe(true);
    expect(intent.topicWords).toEqual(['salt', 'smuggling']);
    expect(ids('Morvania partners in salt smuggling')[0]).not.toBe('morvania:relationships');
  });

  it('keeps to the profile a search is limited to', () => {
    expect(ids('Morvania allies', { profileId: 'quellard' })).not.toContain('morvania:relationships');
  });
});

describe('long queries and word forms', () => {
  it('word forms meet at their stem: "smuggling" finds "smuggled" and "smugglers"', () => {
    const found = ids('smuggling');
    expect(found).toContain('morvania:interest-2');
    expect(found).toContain('morvania:summary');
  });

  it('an exact phrase ranks the section that has it side by side first', () => {
    expect(ids('border posts')[0]).toBe('morvania:interest-1');
  });

  it('a misspelt word still finds its section', () => {
    expect(ids('contrabnd')[0]).toBe('morvania:interest-2');
  });
});

describe('the seed', async () => {
  const seed = await loadSeedEngine();
  const first = (query: string) => searchSections(seed, query).hits[0]?.section.id;

  it('a long query naming several places reaches the Narcotics interest, not the summary', () => {
    expect(first('opium and meth smuggled into Russia and Europe')).toBe('tajikistan:interest-2');
  });

  it('a group named in an interest’s text: that interest, not the Relationships listing', () => {
    expect(first('Jamaat Ansarullah')).toBe('tajikistan:interest-1');
    expect(first('National Resistance Front')).toBe('tajikistan:summary');
  });

  it('which countries Tajikistan lists as partners: its Relationships section', () => {
    expect(first('which countries Tajikistan lists as partners')).toBe('tajikistan:relationships');
  });

  it('a code typed in capitals', () => {
    expect(first('TJK narcotics')).toBe('tajikistan:interest-2');
  });
});

describe('query intent', () => {
  it('reads names, possessives, relationship words and the words left over', () => {
    const intent = readQueryIntent(
      "what does the Republic of Morvania's government think of the Hand",
      engine,
    );
    expect(intent.actors.map((a) => [a.actor.code, a.words])).toEqual([
      ['MRV', 'Republic of Morvania'],
      ['ASH', 'the Hand'],
    ]);
    expect(intent.asksRelations).toBe(false);
    expect(intent.topicWords).toEqual(['government', 'think']);
  });

  it('category names of the directory count as relationship words', () => {
    expect(readQueryIntent('Quellard AAOs', engine).asksRelations).toBe(true);
  });
});
