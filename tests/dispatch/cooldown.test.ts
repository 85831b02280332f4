// The per-user cooldown on a fake clock: a burst, then "try again in N s", lifting exactly when the window passes.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { Cooldown } from '../../src/dispatch/cooldown.ts';
import { Dispatcher } from '../../src/dispatch/dispatcher.ts';
import { createLogger } from '../../src/log/logger.ts';
import { autocompleteRequest, commandRequest, contextOf, loadFixtureEngine } from '../engine/corpora.ts';

describe('cooldown', () => {
  it('allows the burst, then says how long to wait; refused uses do not extend the window', () => {
    let now = 0;
    const cooldown = new Cooldown(3, 2_000, () => now);
    const at = (t: number) => {
      now = t;
      return cooldown.take('u');
    };
    expect([at(0), at(100), at(200)]).toEqual([0, 0, 0]);
    expect(at(200)).toBe(2);
    expect(at(1_200)).toBe(1);
    expect(at(1_999)).toBe(1);
    // The first use leaves the window: one more is allowed, and only one.
    expect(at(2_000)).toBe(0);
    expect(at(2_000)).toBe(1);
    // Another user has their own window.
    expect(cooldown.take('v')).toBe(0);
  });

  it('a limit of 0 never limits', () => {
    const cooldown = new Cooldown(0, 2_000, () => 0);
    for (let i = 0; i < 10; i++) expect(cooldown.take('u')).toBe(0);
  });

  it('forgets users whose window has passed once it tracks many', () => {
    let now = 0;
    const cooldown = new Cooldown(1, 1_000, () => now);
    for (let i = 0; i <= 10_000; i++) cooldown.take(`u${i}`);
    now += 1_000;
    cooldown.take('late');
    const tracked = (cooldown as unknown as { recent: Map<string, number[]> }).recent;
    expect([...tracked.keys()]).toEqual(['late']);
  });

  it('through the dispatcher: commands past the burst are refused, autocomplete never counts', async () => {
    let now = 0;
    const engine = await loadFixtureEngine();
    const dispatcher = new Dispatcher({
      commands: COMMANDS,
      context: () => contextOf(engine),
      logger: createLogger({ level: 'silent' }),
      cooldown: new Cooldown(2, 2_000, () => now),
    });
    const ask = async () => (await dispatcher.dispatch(commandRequest('help', {}))).outcome;
    const complete = async () =>
      (await dispatcher.dispatch(autocompleteRequest('profile', { name: 'actor', value: 'ke' }))).outcome;
    expect([await ask(), await complete(), await complete(), await ask()]).toEqual(['ok', 'ok', 'ok', 'ok']);
    const refused = await dispatcher.dispatch(commandRequest('help', {}));
    expect(refused.outcome).toBe('cooldown');
    if (refused.response.type !== 'message') throw new Error('expected a message');
    expect(refused.response.reply.data.embeds?.[0]?.description).toContain('try again in 2 s');
    expect(await complete()).toBe('ok');
    now += 2_000;
    expect(await ask()).toBe('ok');
  });
});
