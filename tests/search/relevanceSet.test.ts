// The relevance set itself: its fictional profiles load cleanly beside the seed, every query names a section
// that exists, and the baseline's naive reading of the files finds the same sections Dossier does.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineSearch, naiveSections } from '../../bench/relevance/baseline.ts';
import { loadRelevanceCorpus, RELEVANCE_DIR, SEED_DIR } from '../../bench/relevance/corpus.ts';
import { outcome, score } from '../../bench/relevance/metrics.ts';
import { readRelevanceSet } from '../../bench/relevance/set.ts';
import { buildEngine } from '../../src/engine.ts';
import { PROFILES_DIR } from '../../src/profiles/loadCorpus.ts';
import { searchSections } from '../../src/search/searchSections.ts';
import { sectionDocuments } from '../../src/search/sectionDocuments.ts';

describe('the relevance set', async () => {
  const corpus = await loadRelevanceCorpus();
  const ids = corpus.profiles.flatMap((p) => sectionDocuments(corpus, p).map((d) => d.id));

  it('loads the seed and the fictional profiles without a diagnostic', () => {
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.profiles.length).toBe(8);
    expect(corpus.actors.filter((a) => !a.inDirectory)).toEqual([]);
  });

  it('has at least 40 queries, each expecting a section that exists', () => {
    const queries = readRelevanceSet();
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const q of queries) expect(ids, q.q).toContain(q.expect);
  });

  it('the naive parser of the baseline finds the same sections as Dossier', () => {
    const naive = corpus.profiles.flatMap((p) =>
      naiveSections(
        path.basename(p.file),
        readFileSync(path.join(p.id === 'tajikistan' ? SEED_DIR : RELEVANCE_DIR, p.file), 'utf8'),
      ).map((s) => s.id),
    );
    expect(naive.sort()).toEqual([...ids].sort());
  });

  it('the baseline answers with section ids, best first', () => {
    const baseline = new BaselineSearch([SEED_DIR, RELEVANCE_DIR].map((d) => path.join(d, PROFILES_DIR)));
    expect(baseline.search('northern distribution network', 5)[0]).toBe('tajikistan:interest-2');
  });
});

describe('Dossier against the baseline on the set', async () => {
  const corpus = await loadRelevanceCorpus();
  const engine = await buildEngine(corpus);
  const baseline = new BaselineSearch([SEED_DIR, RELEVANCE_DIR].map((d) => path.join(d, PROFILES_DIR)));
  const queries = readRelevanceSet();
  const dossier = score(
    queries.map((q) =>
      outcome(
        q,
        searchSections(engine, q.q, { limit: 5 }).hits.map((h) => h.section.id),
      ),
    ),
  );
  const plain = score(queries.map((q) => outcome(q, baseline.search(q.q, 5))));

  it('leads on top-1 and MRR@5, and meets the goals the bench reports', () => {
    expect(dossier.top1).toBeGreaterThan(plain.top1);
    expect(dossier.mrr).toBeGreaterThan(plain.mrr);
    expect(dossier.top1 / dossier.n).toBeGreaterThanOrEqual(37 / 40);
    expect(dossier.mrr).toBeGreaterThanOrEqual(0.93);
  });
});

describe('top-1 and MRR@5', () => {
  const q = { q: 'x', expect: 'a:summary', kind: 'exact', held: false } as const;
  it('rank 1 counts for top-1; MRR averages 1/rank within the first 5, 0 beyond', () => {
    const outcomes = [
      outcome(q, ['a:summary', 'b:summary']),
      outcome(q, ['b:summary', 'a:summary']),
      outcome(q, ['b', 'c', 'd', 'e', 'f', 'a:summary']),
    ];
    expect(outcomes.map((o) => o.rank)).toEqual([1, 2, null]);
    expect(score(outcomes)).toEqual({ n: 3, top1: 1, mrr: 0.5 });
  });
});
