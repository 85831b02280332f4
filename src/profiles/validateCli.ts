// `npm run validate [DATA_DIR]`: loads a data directory the way the bot does and reports on it. Exit 1 on errors.
import { DEFAULT_DATA_DIR } from '../config/defaults.ts';
import { counted } from '../plural.ts';
import { entityKey } from '../search/entityKey.ts';
import { type CorpusActor, edgeCount, errorCount } from './corpus.ts';
import { formatDiagnostic, sortDiagnostics } from './formatDiagnostic.ts';
import { DataDirectoryError, loadCorpus } from './loadCorpus.ts';

async function main(): Promise<number> {
  const dataDir = process.argv[2] ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR;
  let corpus: Awaited<ReturnType<typeof loadCorpus>>;
  try {
    corpus = await loadCorpus(dataDir);
  } catch (e) {
    if (e instanceof DataDirectoryError) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
  for (const p of corpus.profiles) {
    const edges = (p.relationships?.categories ?? []).reduce((n, c) => n + c.codes.length, 0);
    const actor = corpus.actorOfProfile.get(p.id);
    console.log(
      `${p.file}: ${p.name} (${actor ? joinedAs(p.name, actor) : '?'}): ${[counted(p.interests?.items.length ?? 0, 'interest'), counted(p.sections.length, 'other section'), counted(edges, 'relationship')].join(', ')}`,
    );
  }
  const errors = errorCount(corpus);
  const warnings = corpus.diagnostics.length - errors;
  console.log(
    `${dataDir}: ${[
      counted(corpus.profiles.length, 'profile'),
      counted(corpus.actors.length, 'actor'),
      counted(corpus.categories.length, 'category', 'categories'),
      counted(edgeCount(corpus), 'relationship edge'),
      counted(corpus.teamChannels.size, 'team channel'),
      counted(errors, 'error'),
      counted(warnings, 'warning'),
    ].join(', ')}`,
  );
  for (const d of sortDiagnostics(corpus.diagnostics)) console.log(formatDiagnostic(d));
  return errors > 0 ? 1 : 0;
}

/** The code a profile joined, and how, when its title alone does not say: `PRC, People's Republic of China`. */
function joinedAs(title: string, actor: CorpusActor): string {
  const parts = [actor.code];
  const named = entityKey(title) === entityKey(actor.name);
  if (!named) parts.push(actor.name);
  if (actor.joinedBy === 'file') parts.push('by file name');
  if (actor.joinedBy === 'profile' && !named) parts.push(`by profile: ${actor.profileId}`);
  if (!actor.inDirectory) parts.push('not in the directory');
  return parts.join(', ');
}

process.exitCode = await main();
