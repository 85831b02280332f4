// custom_ids of the change views (`c1`): a change set's page, one change's before and after, a page of the list.
// Change sets never change once recorded, so an id pointing at one works for as long as the database keeps it.
import { z } from 'zod';
import { CUSTOM_ID_MAX } from './limits.ts';

const PREFIX = 'c1';
export const CHANGES_PREFIX = PREFIX;

export type ChangesState =
  | { kind: 'set-page'; changeSetId: number; page: number }
  | { kind: 'before-after'; changeSetId: number; item: number }
  /** `profileId`: a removed profile's list, which has no actor code any more. */
  | { kind: 'list'; offset: number; code: string | null; profileId: string | null; days: number }
  /** The list's menu: the chosen change set arrives as the menu's value. */
  | { kind: 'open' };

const count = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,8})$/)
  .transform(Number);
/** What a list is about: `-` everything, an actor's code, or `p.<id>` a removed profile. */
const about = z.union([
  z.literal('-').transform(() => ({ code: null, profileId: null })),
  z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,5}$/)
    .transform((code) => ({ code, profileId: null })),
  z
    .string()
    .regex(/^p\.[a-z0-9][a-z0-9-]*$/)
    .transform((p) => ({ code: null, profileId: p.slice(2) })),
]);

const schemas = [
  z
    .tuple([z.literal(PREFIX), z.literal('v'), count, count, z.string().max(2)])
    .transform(([, , changeSetId, page]) => ({ kind: 'set-page' as const, changeSetId, page })),
  z
    .tuple([z.literal(PREFIX), z.literal('d'), count, count])
    .transform(([, , changeSetId, item]) => ({ kind: 'before-after' as const, changeSetId, item })),
  z
    .tuple([z.literal(PREFIX), z.literal('l'), count, about, count, z.string().max(2)])
    .transform(([, , offset, a, days]) => ({ kind: 'list' as const, offset, ...a, days })),
  z.tuple([z.literal(PREFIX), z.literal('o')]).transform(() => ({ kind: 'open' as const })),
];

/** `slot` tells apart buttons that lead to the same page (ids must be unique within a message). */
export function setPageId(changeSetId: number, page: number, slot: string): string {
  return checked(`${PREFIX}:v:${changeSetId}:${page}:${slot}`);
}

export function beforeAfterId(changeSetId: number, item: number): string {
  return checked(`${PREFIX}:d:${changeSetId}:${item}`);
}

export function listPageId(
  offset: number,
  filter: { code: string | null; profileId?: string },
  days: number,
  slot: string,
): string {
  const about = filter.code ?? (filter.profileId ? `p.${filter.profileId}` : '-');
  const id = `${PREFIX}:l:${offset}:${about}:${days}:${slot}`;
  // A profile id too long to fit pages through everything rather than failing the whole reply.
  return id.length <= CUSTOM_ID_MAX ? id : checked(`${PREFIX}:l:${offset}:-:${days}:${slot}`);
}

export const OPEN_CHANGE_SET_ID = `${PREFIX}:o`;

export function parseChangesId(id: string): ChangesState | null {
  if (id.length > CUSTOM_ID_MAX) return null;
  const parts = id.split(':');
  for (const schema of schemas) {
    const parsed = schema.safeParse(parts);
    if (parsed.success) return parsed.data;
  }
  return null;
}

function checked(id: string): string {
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id over ${CUSTOM_ID_MAX} characters: ${id}`);
  return id;
}
