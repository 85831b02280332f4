// Command-line flags of `npm run bench`, and how many iterations each measurement gets in a full or quick run.
import { parseArgs } from 'node:util';

export const SECTIONS = [
  'engine',
  'resolution',
  'relevance',
  'stall',
  'restart',
  'interactions',
  'map',
  'outside',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sizes: number[];
  quick: boolean;
  sections: ReadonlySet<Section>;
  iterations: Iterations;
}

/** Iteration counts and time budgets (ms) per kind of measurement. */
export interface Iterations {
  lookup: { iterations: number; budgetMs: number };
  search: { iterations: number; budgetMs: number };
  render: { iterations: number; budgetMs: number };
  fuseLookup: { iterations: number; budgetMs: number };
  fuseSearch: { iterations: number; budgetMs: number };
  map: { iterations: number; budgetMs: number };
  interactions: { count: number; warmup: number; concurrency: number };
  /** The bot from the outside: `searches` three-common-word and as many rare-word /search, alternating. */
  outside: { searches: number; perSecond: number };
}

const FULL: Iterations = {
  lookup: { iterations: 5000, budgetMs: 3000 },
  search: { iterations: 400, budgetMs: 6000 },
  render: { iterations: 2000, budgetMs: 2000 },
  fuseLookup: { iterations: 200, budgetMs: 3000 },
  fuseSearch: { iterations: 20, budgetMs: 6000 },
  map: { iterations: 60, budgetMs: 6000 },
  interactions: { count: 2000, warmup: 200, concurrency: 24 },
  outside: { searches: 200, perSecond: 20 },
};

const QUICK: Iterations = {
  lookup: { iterations: 500, budgetMs: 400 },
  search: { iterations: 60, budgetMs: 800 },
  render: { iterations: 200, budgetMs: 300 },
  fuseLookup: { iterations: 30, budgetMs: 500 },
  fuseSearch: { iterations: 5, budgetMs: 800 },
  map: { iterations: 15, budgetMs: 1500 },
  interactions: { count: 400, warmup: 60, concurrency: 16 },
  outside: { searches: 60, perSecond: 20 },
};

const USAGE = `npm run bench -- [--quick] [--sizes 100,1000,10000] [--only ${SECTIONS.join('|')}[,…]]`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const sizes = (values.sizes ?? (quick ? '100,1000' : '100,1000,10000'))
    .split(',')
    .map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10))
    throw new Error(`--sizes: whole numbers ≥ 10\n${USAGE}`);
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
  for (const s of only) {
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`--only: unknown section "${s}"\n${USAGE}`);
  }
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    quick,
    sections: new Set(only as Section[]),
    iterations: quick ? QUICK : FULL,
  };
}
