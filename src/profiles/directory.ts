// The actor directory (data/actors.yaml): who each code is, and what each relationship category means.
// Validated by zod; every problem is reported at the YAML line it comes from.
import { z } from 'zod';
import { actorCodeSchema, type Diagnostic } from './schema.ts';
import { readYamlFile, validateList, type YamlFile } from './yamlFile.ts';

export const ACTOR_KINDS = [
  'state',
  'de facto authority',
  'non-state armed group',
  'political movement',
  'organisation',
  'other',
] as const;

// The v flag knows which code-point sequences are one emoji (flags, keycaps, ZWJ sequences).
const ONE_EMOJI = /^\p{RGI_Emoji}$/v;

export const actorSchema = z.strictObject({
  code: actorCodeSchema,
  name: z.string().min(1).max(100),
  /** A shorter name for tight places such as the relations map (`short: China`). */
  short: z.string().min(1).max(40).optional(),
  kind: z.enum(ACTOR_KINDS),
  flag: z.string().regex(ONE_EMOJI, 'a flag is one emoji').optional(),
  aliases: z.array(z.string().min(1).max(80)).default([]),
  /** Id of the actor's profile when it is not the slug of its name. */
  profile: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** A directory actor with the line of the directory that defines it, for warnings that point at it. */
export type DirectoryActor = Actor & { line?: number };

export const categorySchema = z.strictObject({
  name: z.string().min(1).max(60),
  /** One line; absent where the source does not say what the label means. */
  meaning: z.string().min(1).max(200).optional(),
  polarity: z.enum(['friendly', 'hostile', 'unknown']),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb'),
});
export type Category = z.infer<typeof categorySchema>;

export const directorySchema = z.strictObject({
  /** Listed in the order Dossier shows them. */
  categories: z.array(categorySchema).default([]),
  actors: z.array(actorSchema).default([]),
});
export type Directory = Omit<z.infer<typeof directorySchema>, 'actors'> & { actors: DirectoryActor[] };

export const DIRECTORY_FILE = 'actors.yaml';

export const EMPTY_DIRECTORY: Directory = { categories: [], actors: [] };

export function parseDirectory(
  text: string,
  file: string,
): { directory: Directory; diagnostics: Diagnostic[] } {
  const yaml = readYamlFile(text, file);
  const top = yaml.value;
  const isMap = typeof top === 'object' && top !== null && !Array.isArray(top);
  if (top !== null && !isMap) {
    yaml.diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf([]),
      message: 'expected a map with categories: and actors:',
    });
  }
  for (const key of Object.keys(isMap ? top : {}).filter((k) => k !== 'categories' && k !== 'actors')) {
    yaml.diagnostics.push({
      severity: 'warning',
      file,
      line: yaml.lineOf([key]),
      message: `unknown key "${key}" ignored`,
    });
  }
  const categories = firstOfEach(
    validateList(yaml, file, 'categories', categorySchema),
    (c) => c.name.toLowerCase(),
    (c) => `category ${c.name}`,
    yaml,
    file,
  ).map(({ value }) => value);
  // Object.assign rather than a spread: see joinProfiles.ts.
  const actors = firstOfEach(
    validateList(yaml, file, 'actors', actorSchema),
    (a) => a.code,
    (a) => `code ${a.code}`,
    yaml,
    file,
  ).map(({ value, line }): DirectoryActor => Object.assign({}, value, { line }));
  return { directory: { categories, actors }, diagnostics: yaml.diagnostics };
}

/** What zod cannot see one entry at a time: a code or category defined twice. The first definition stays. */
function firstOfEach<T>(
  entries: { value: T; line: number }[],
  key: (t: T) => string,
  what: (t: T) => string,
  yaml: YamlFile,
  file: string,
): { value: T; line: number }[] {
  const seen = new Set<string>();
  const kept: { value: T; line: number }[] = [];
  for (const { value, line } of entries) {
    if (seen.has(key(value))) {
      yaml.diagnostics.push({
        severity: 'error',
        file,
        line,
        message: `${what(value)} is defined twice; the first definition is used`,
      });
    } else {
      seen.add(key(value));
      kept.push({ value, line });
    }
  }
  return kept;
}
