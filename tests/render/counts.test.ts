// Every count in a reply reads as English: one of a thing is singular, wherever the count appears.
import { describe, expect, it } from 'vitest';
import { helpEmbed } from '../../src/render/helpReply.ts';
import { profilePages } from '../../src/render/profilePages.ts';
import { searchEmbed } from '../../src/render/searchReply.ts';
import { makeEngine } from '../engine/corpora.ts';

const engine = await makeEngine({
  actors: [
    { code: 'VSR', name: 'Vessaria', profile: 'vessaria' },
    { code: 'KLM', name: 'Kalmar Reach' },
  ],
  profiles: [
    {
      id: 'vessaria',
      name: 'Vessaria',
      summary: ['A fictional harbour state.'],
      interests: { items: [{ title: 'Lighthouses', body: ['Lamps and keepers.'] }] },
      relationships: { categories: [{ name: 'Partners', codes: ['KLM'] }] },
      sections: [{ heading: 'History', paragraphs: ['Founded on salt.'] }],
    },
  ],
});
const { corpus } = engine;
const pages = profilePages(corpus, corpus.profileById.get('vessaria')!);

describe('one of a thing is singular', () => {
  it('the overview: 1 key interest, 1 actor listed, 1 other section', () => {
    const facts = pages[0]!.embed.fields!.find((f) => f.name === 'In this profile');
    expect(facts?.value).toBe('1 key interest · 1 actor listed · 1 other section');
  });

  it('the relationships page: listed in 1 category', () => {
    const page = pages.find((p) => p.key === 'relationships')!;
    expect(page.embed.description).toBe('How Vessaria lists other actors: 1 listed in 1 category.');
  });

  it('/help: 1 warning and 1 error', () => {
    const withProblems = {
      ...corpus,
      diagnostics: [
        { severity: 'warning' as const, file: 'profiles/a.txt', line: 1, message: 'w' },
        { severity: 'error' as const, file: 'profiles/b.txt', line: 2, message: 'e' },
      ],
    };
    const text = helpEmbed(withProblems).fields?.find((f) => f.name === 'Data')?.value ?? '';
    expect(text).toContain('with 1 warning and 1 error (those files were skipped).');
    expect(text).toContain('**1** profile, **2** actors, **1** relationship.');
  });

  it('/search: 1 section matches', () => {
    const embed = searchEmbed(corpus, 'lighthouses', engine.sections.search('lighthouses'));
    expect(embed.description).toMatch(/^1 section matches\./);
  });
});
