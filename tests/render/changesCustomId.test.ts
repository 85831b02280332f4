import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listPageId, parseChangesId } from '../../src/render/changesCustomId.ts';
import { CUSTOM_ID_MAX } from '../../src/render/limits.ts';

describe('change list page ids', () => {
  it('keep what the list is about: everything, an actor code, or a removed profile', () => {
    expect(parseChangesId(listPageId(10, { code: null }, 0, 'n'))).toEqual({
      kind: 'list',
      offset: 10,
      code: null,
      profileId: null,
      days: 0,
    });
    expect(parseChangesId(listPageId(0, { code: 'KSH' }, 7, 'p'))).toMatchObject({
      code: 'KSH',
      profileId: null,
      days: 7,
    });
    expect(parseChangesId(listPageId(20, { code: null, profileId: 'oruna' }, 0, 'n'))).toMatchObject({
      offset: 20,
      code: null,
      profileId: 'oruna',
    });
  });

  it('round-trip any profile id that fits, and never exceed the custom_id limit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,120}$/), fc.nat(100_000), (profileId, offset) => {
        const id = listPageId(offset, { code: null, profileId }, 30, 'n');
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        const state = parseChangesId(id);
        expect(state).toMatchObject({ kind: 'list', offset, days: 30 });
        if (id.includes(`p.${profileId}`)) expect(state).toMatchObject({ profileId });
      }),
    );
  });
});
