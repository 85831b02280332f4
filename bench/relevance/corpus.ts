// The relevance set's corpus: the seed (data/) and the fictional profiles of tests/fixtures/relevance, as one
// corpus with one directory (the seed's actors and categories, and the fictional actors).
import { fileURLToPath } from 'node:url';
import { assembleCorpus, type Corpus } from '../../src/profiles/corpus.ts';
import { loadCorpus } from '../../src/profiles/loadCorpus.ts';

export const SEED_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const RELEVANCE_DIR = fileURLToPath(new URL('../../tests/fixtures/relevance/', import.meta.url));

export async function loadRelevanceCorpus(): Promise<Corpus> {
  const [seed, fictional] = await Promise.all([loadCorpus(SEED_DIR), loadCorpus(RELEVANCE_DIR)]);
  const inDirectory = (c: Corpus) =>
    c.actors.filter((a) => a.inDirectory).map(({ profileId: _, inDirectory: __, ...actor }) => actor);
  return assembleCorpus({
    profiles: [...seed.profiles, ...fictional.profiles],
    directory: {
      categories: [...seed.categories],
      actors: [...inDirectory(seed), ...inDirectory(fictional)],
    },
    teams: [],
    diagnostics: [...seed.diagnostics, ...fictional.diagnostics],
  });
}
