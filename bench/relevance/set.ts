// The relevance development set: queries with the section each is after, read from the fixture beside the
// fictional profiles and checked against the corpus (a query whose section does not exist is a broken set).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { RELEVANCE_DIR } from './corpus.ts';

export const QUERY_KINDS = [
  'exact',
  'paraphrase',
  'misspelling',
  'actor',
  'places',
  'relations',
  'code',
] as const;

const querySchema = z.object({
  q: z.string().min(1),
  /** `profile:section`, as SectionDocument ids are made. */
  expect: z.string().regex(/^[\w-]+:[\w-]+$/),
  kind: z.enum(QUERY_KINDS),
  held: z.boolean().default(false),
});
export type RelevanceQuery = z.infer<typeof querySchema>;

export function readRelevanceSet(): RelevanceQuery[] {
  const text = readFileSync(`${RELEVANCE_DIR}queries.yaml`, 'utf8');
  return z.object({ queries: z.array(querySchema).min(40) }).parse(parse(text)).queries;
}
