// Component state lives in custom_id, so buttons keep working after a restart and on any shard.
// Versioned (`p1`), short, and parsed with zod: anything that does not parse is answered, never crashed on.
import { z } from 'zod';
import { CUSTOM_ID_MAX } from './limits.ts';

const PROFILE_PAGE = 'p1';
const PROFILE_JUMP = 'j1';

const pageKey = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/);
const profileId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export type ComponentState =
  | { kind: 'profile-page'; profileId: string; page: string; part: number }
  /** The section menu: the chosen page key arrives as the menu's value. */
  | { kind: 'profile-jump'; profileId: string };

/** `slot` tells apart buttons that lead to the same page (Discord wants ids unique within a message). */
export function profilePageId(profile: string, page: string, part: number, slot: string): string {
  return checkLength(`${PROFILE_PAGE}:${profile}:${page}:${part}:${slot}`);
}

export function profileJumpId(profile: string): string {
  return checkLength(`${PROFILE_JUMP}:${profile}`);
}

const pageIdSchema = z.tuple([
  z.literal(PROFILE_PAGE),
  profileId,
  pageKey,
  // Plain decimal, as encoded: no sign, spaces, exponent or hex that Number() would also accept.
  z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/)
    .transform(Number),
  z.string().max(4),
]);
const jumpIdSchema = z.tuple([z.literal(PROFILE_JUMP), profileId]);

export function parseCustomId(id: string): ComponentState | null {
  if (id.length > CUSTOM_ID_MAX) return null;
  const parts = id.split(':');
  const page = pageIdSchema.safeParse(parts);
  if (page.success)
    return { kind: 'profile-page', profileId: page.data[1], page: page.data[2], part: page.data[3] };
  const jump = jumpIdSchema.safeParse(parts);
  if (jump.success) return { kind: 'profile-jump', profileId: jump.data[1] };
  return null;
}

function checkLength(id: string): string {
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id over ${CUSTOM_ID_MAX} characters: ${id}`);
  return id;
}
