// Component state in custom_id: what is encoded parses back, and anything forged (another version, path
// traversal, overlong, a part that is not a plain number) parses to null and is answered, not crashed on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileCommand } from '../../commands/profile.ts';
import type { Response } from '../../src/dispatch/response.ts';
import { MAX_ID_LENGTH } from '../../src/profiles/parseProfile.ts';
import { parseCustomId, profileJumpId, profilePageId } from '../../src/render/customId.ts';
import { CUSTOM_ID_MAX } from '../../src/render/limits.ts';
import { componentRequest, contextOf, loadFixtureEngine } from '../engine/corpora.ts';
import { expectWithinLimits } from './limitsChecker.ts';

const profileId = fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9-]{0,${MAX_ID_LENGTH - 1}}$`));
const pageKey = fc.oneof(
  fc.constantFrom('overview', 'interests', 'relationships'),
  fc.nat(99).map((i) => `section-${i}`),
);
const part = fc.integer({ min: 1, max: 999 });
const slot = fc.constantFrom('p', 'i', 'n', 's');

describe('customId round trip', () => {
  it('profile page ids parse back to what was encoded, within 100 characters', () => {
    fc.assert(
      fc.property(profileId, pageKey, part, slot, (id, page, p, s) => {
        const customId = profilePageId(id, page, p, s);
        expect(customId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(parseCustomId(customId)).toEqual({ kind: 'profile-page', profileId: id, page, part: p });
      }),
      { numRuns: 300 },
    );
  });

  it('jump ids parse back', () => {
    fc.assert(
      fc.property(profileId, (id) => {
        expect(parseCustomId(profileJumpId(id))).toEqual({ kind: 'profile-jump', profileId: id });
      }),
    );
  });

  it('an id over 100 characters is refused when built, not sent', () => {
    expect(() => profilePageId('a'.repeat(95), 'overview', 1, 'p')).toThrow(/custom_id/);
  });
});

describe('forged ids parse to null', () => {
  it.each([
    ['another version', 'p2:kesh:overview:1:p'],
    ['no version', 'kesh:overview:1:p'],
    ['a jump id of another version', 'j2:kesh'],
    ['path traversal in the profile', 'p1:../../etc/passwd:overview:1:p'],
    ['path traversal in the page', 'p1:kesh:../secrets:1:p'],
    ['a dot segment', 'p1:..:overview:1:p'],
    ['an encoded traversal', 'p1:%2e%2e%2f:overview:1:p'],
    ['capitals', 'p1:KESH:overview:1:p'],
    ['an accent', 'p1:késh:overview:1:p'],
    ['overlong', `p1:${'a'.repeat(100)}:overview:1:p`],
    ['overlong, all valid parts', `p1:kesh:overview:1:${'p'.repeat(100)}`],
    ['a word for the part', 'p1:kesh:overview:abc:p'],
    ['an empty part', 'p1:kesh:overview::p'],
    ['part zero', 'p1:kesh:overview:0:p'],
    ['a negative part', 'p1:kesh:overview:-1:p'],
    ['a part over 999', 'p1:kesh:overview:1000:p'],
    ['a fractional part', 'p1:kesh:overview:1.5:p'],
    ['a hexadecimal part', 'p1:kesh:overview:0x2:p'],
    ['an exponent part', 'p1:kesh:overview:1e2:p'],
    ['a padded part', 'p1:kesh:overview: 2:p'],
    ['a signed part', 'p1:kesh:overview:+2:p'],
    ['Infinity', 'p1:kesh:overview:Infinity:p'],
    ['a long slot', 'p1:kesh:overview:1:ppppp'],
    ['an extra segment', 'p1:kesh:overview:1:p:x'],
    ['a missing segment', 'p1:kesh:overview:1'],
    ['a jump id with a page', 'j1:kesh:overview'],
    ['empty', ''],
    ['only colons', '::::'],
  ])('%s', (_what, id) => {
    expect(parseCustomId(id)).toBeNull();
  });

  it('random strings parse to null or to state that encodes back to a valid id', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 120 })),
        (id) => {
          const state = parseCustomId(id);
          if (state?.kind === 'profile-page') {
            expect(parseCustomId(profilePageId(state.profileId, state.page, state.part, 'p'))).toEqual(state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the /profile component handler answers a forged or stale id with a notice', async () => {
    const engine = await loadFixtureEngine();
    const ctx = contextOf(engine);
    for (const id of [
      'p2:kesh:overview:1:p',
      'p1:../x:overview:1:p',
      'p1:nowhere:overview:1:p',
      'j1:nowhere',
    ]) {
      const response = (await profileCommand.component!(componentRequest(id), ctx)) as Response;
      expectWithinLimits(response, id);
      if (response.type === 'choices') throw new Error('expected a message');
      expect(response.type).toBe('message');
      expect(response.reply.data.flags).toBe(64);
      expect(response.reply.data.embeds![0]!.title).toBe('This button is out of date');
    }
    const ok = (await profileCommand.component!(
      componentRequest('p1:kesh:relationships:1:n'),
      ctx,
    )) as Response;
    expect(ok.type).toBe('update');
    expectWithinLimits(ok, 'a real button');
  });
});
