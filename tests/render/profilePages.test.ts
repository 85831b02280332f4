// Profile pages and messages for generated profiles: every page within every Discord limit, and the pages put
// back together (continuation ellipses removed, markdown un-escaped) hold every piece of the profile's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileCommand } from '../../commands/profile.ts';
import type { Response } from '../../src/dispatch/response.ts';
import type { Profile } from '../../src/profiles/schema.ts';
import { ELLIPSIS } from '../../src/render/budget.ts';
import { unescapeMarkdown } from '../../src/render/escape.ts';
import { profileContent, profileView } from '../../src/render/profileMessage.ts';
import { type ProfilePage, profilePages } from '../../src/render/profilePages.ts';
import { message } from '../../src/render/reply.ts';
import { commandRequest, contextOf, makeCorpus, makeEngine, makeProfile } from '../engine/corpora.ts';
import { world } from './arbitraries.ts';
import { expectWithinLimits, replyViolations } from './limitsChecker.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

/** Joins a section's page texts: a cut ends one page with an ellipsis and opens the next with one. */
function joinPages(texts: readonly string[]): string {
  let out = '';
  texts.forEach((text, i) => {
    if (i > 0 && out.endsWith(ELLIPSIS) && text.startsWith(ELLIPSIS)) {
      out = out.slice(0, -ELLIPSIS.length) + text.slice(ELLIPSIS.length);
    } else {
      out += i > 0 ? `\n\n${text}` : text;
    }
  });
  return out;
}

const descriptions = (pages: readonly ProfilePage[], key: string) =>
  pages.filter((p) => p.key === key).map((p) => p.embed.description ?? '');

/** The readable text of one section of the profile, as the pages show it across parts. */
function shownText(pages: readonly ProfilePage[], key: string): string {
  let texts = descriptions(pages, key);
  // Each page of an extra section repeats the section's heading as its first line.
  if (key.startsWith('section-')) texts = texts.map((d) => d.slice(d.indexOf('\n') + 1));
  return squash(unescapeMarkdown(joinPages(texts)));
}

function expectNothingLost(
  profile: Profile,
  pages: readonly ProfilePage[],
  known: ReadonlySet<string>,
): void {
  const has = (key: string, text: string, what: string) =>
    expect(shownText(pages, key).includes(squash(text)), `${what} is on the ${key} pages`).toBe(true);
  for (const p of profile.summary?.paragraphs ?? []) has('overview', p.text, 'a summary paragraph');
  for (const p of profile.interests?.intro ?? []) has('interests', p.text, 'an interests intro paragraph');
  for (const item of profile.interests?.items ?? []) {
    has('interests', `${item.number}. ${item.title}`, `interest ${item.number}'s title`);
    for (const p of item.body) has('interests', p.text, `a paragraph of interest ${item.number}`);
  }
  profile.sections.forEach((s, i) => {
    expect(pages.find((p) => p.key === `section-${i}`)?.label).toBe(s.heading);
    for (const p of s.paragraphs) has(`section-${i}`, p.text, `a paragraph of section ${i}`);
  });
  if (profile.relationships) {
    const shown = pages
      .filter((p) => p.key === 'relationships')
      .flatMap((p) => (p.embed.fields ?? []).flatMap((f) => [f.name, f.value]))
      .join('\n');
    for (const c of profile.relationships.categories)
      for (const { code } of c.codes) {
        const label = known.has(code) ? `(${code})` : `${code} (not in the directory)`;
        expect(shown.includes(label), `${code} is on the relationships pages`).toBe(true);
      }
  }
}

describe('profile pages, generated profiles', () => {
  it('every page of every profile is within every limit, and nothing is lost', () => {
    fc.assert(
      fc.property(world(), (w) => {
        const corpus = makeCorpus(w.spec);
        const profile = corpus.profileById.get('generated')!;
        const pages = profilePages(corpus, profile);
        expect(pages[0]?.key).toBe('overview');
        pages.forEach((page, index) => {
          const reply = message({
            ...profileContent(
              { profile, pages, index },
              { loadedAt: corpus.loadedAt, note: '-# A note above the page.' },
            ),
            mentionUserId: '100000000000000042',
          });
          expect(
            replyViolations(reply),
            `page ${index + 1} (${page.key} ${page.part}/${page.parts})`,
          ).toEqual([]);
          expect(reply.data.allowed_mentions).toEqual({ parse: [], users: ['100000000000000042'] });
        });
        expectNothingLost(profile, pages, w.known);
      }),
      { numRuns: 25 },
    );
  });

  it('parts are numbered 1..n within each section, sections in order', () => {
    fc.assert(
      fc.property(world({ maxCodes: 40, maxInterests: 10 }), (w) => {
        const corpus = makeCorpus(w.spec);
        const pages = profilePages(corpus, corpus.profileById.get('generated')!);
        const keys = [...new Set(pages.map((p) => p.key))];
        for (const key of keys) {
          const parts = pages.filter((p) => p.key === key);
          expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i + 1));
          expect(parts.every((p) => p.parts === parts.length)).toBe(true);
        }
        const order = ['overview', 'interests', 'relationships'];
        const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : 3 + Number(k.split('-')[1]));
        expect(keys.map(rank)).toEqual(keys.map(rank).sort((a, b) => a - b));
      }),
      { numRuns: 20 },
    );
  });
});

describe('profile pages, edge cases', () => {
  const engineWith = (profile: Parameters<typeof makeProfile>[0] | Profile) =>
    makeEngine({ actors: [{ code: 'VSR', name: 'Vessaria', profile: 'vessaria' }], profiles: [profile] });

  it('a "Profile" heading with nothing under it still gives an overview page', async () => {
    const profile = makeProfile({ id: 'vessaria', name: 'Vessaria' });
    profile.summary = { heading: 'Profile', line: 2, paragraphs: [] };
    const engine = await engineWith(profile);
    const pages = profilePages(engine.corpus, engine.corpus.profileById.get('vessaria')!);
    expect(pages.map((p) => p.key)).toEqual(['overview']);
    const response = profileCommand.run(
      commandRequest('profile', { actor: 'VSR' }),
      contextOf(engine),
    ) as Response;
    expectWithinLimits(response, 'empty summary');
  });

  it('a profile with only a title has an overview page saying there is no summary', async () => {
    const engine = await engineWith({ id: 'vessaria', name: 'Vessaria' });
    const pages = profilePages(engine.corpus, engine.corpus.profileById.get('vessaria')!);
    expect(pages.map((p) => p.embed.description)).toEqual(['_No summary in this profile._']);
  });

  it('a long extra section keeps its heading on every page, within the description limit', async () => {
    const text = 'The salt road winds through the marsh villages. '.repeat(400);
    const engine = await engineWith({
      id: 'vessaria',
      name: 'Vessaria',
      summary: ['An invented lake republic.'],
      sections: [{ heading: 'History of the Salt Road', paragraphs: [text] }],
    });
    const pages = profilePages(engine.corpus, engine.corpus.profileById.get('vessaria')!);
    const history = pages.filter((p) => p.key === 'section-0');
    expect(history.length).toBeGreaterThan(1);
    for (const p of history) {
      expect(p.embed.description!.startsWith('**History of the Salt Road**\n')).toBe(true);
      expect([...p.embed.description!].length).toBeLessThanOrEqual(4096);
    }
  });

  it('profileView: unknown section falls back to the overview; parts are clamped', async () => {
    const engine = await engineWith({
      id: 'vessaria',
      name: 'Vessaria',
      summary: ['word '.repeat(3000)],
      sections: [{ heading: 'Fisheries', paragraphs: ['Quotas.'] }],
    });
    const profile = engine.corpus.profileById.get('vessaria')!;
    const unknown = profileView(engine.corpus, profile, 'nowhere');
    expect(unknown.found).toBe(false);
    expect(unknown.pages[unknown.index]!.key).toBe('overview');
    const clamped = profileView(engine.corpus, profile, 'overview', 99);
    expect(clamped.found).toBe(true);
    expect(clamped.pages[clamped.index]!.part).toBe(clamped.pages[clamped.index]!.parts);
  });
});
