// A burst of interactions is worked through one per turn of the event loop, and autocomplete does not wait for it.
import type { Interaction, REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { InteractionPipeline } from '../../src/bot/interactionPipeline.ts';
import { TurnQueue } from '../../src/bot/turnQueue.ts';
import type { Dispatched, Dispatcher } from '../../src/dispatch/dispatcher.ts';
import type { Request } from '../../src/dispatch/request.ts';
import { createLogger } from '../../src/log/logger.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('runs jobs in the order pushed, none in the turn that pushed it', async () => {
    const queue = new TurnQueue();
    const ran: string[] = [];
    for (const name of ['a', 'b', 'c']) queue.push(() => ran.push(name));
    expect(ran).toEqual([]);
    expect(queue.length).toBe(3);
    while (queue.length > 0) await nextTurn();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('gives the event loop a turn between two jobs', async () => {
    const queue = new TurnQueue();
    const ran: string[] = [];
    queue.push(() => {
      ran.push('first');
      // Set during the first job, it runs in the next turn: before the second job only if that has a turn of its own.
      setImmediate(() => ran.push('a turn between'));
    });
    queue.push(() => ran.push('second'));
    while (queue.length > 0) await nextTurn();
    await nextTurn();
    expect(ran).toEqual(['first', 'a turn between', 'second']);
  });

  it('starts again once it ran empty', async () => {
    const queue = new TurnQueue();
    const ran: number[] = [];
    queue.push(() => ran.push(1));
    await nextTurn();
    queue.push(() => ran.push(2));
    await nextTurn();
    expect(ran).toEqual([1, 2]);
  });
});

/** Just enough of a discord.js interaction for toRequest. */
function fakeInteraction(id: number, kind: 'command' | 'autocomplete'): Interaction {
  return {
    id: String(id),
    token: `token-${id}`,
    applicationId: '1',
    guildId: '2',
    channelId: '3',
    channel: { name: 'general' },
    user: { id: '4', username: 'ana' },
    commandName: 'profile',
    options: {
      data: [{ name: 'actor', type: 3, value: 'kar', focused: kind === 'autocomplete' }],
      getFocused: () => ({ name: 'actor', value: 'kar' }),
    },
    isChatInputCommand: () => kind === 'command',
    isMessageContextMenuCommand: () => false,
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => false,
    isStringSelectMenu: () => false,
  } as unknown as Interaction;
}

describe('InteractionPipeline', () => {
  it('answers autocomplete at once and starts a burst of commands one per turn', async () => {
    const started: string[] = [];
    const dispatcher = {
      dispatch: async (request: Request): Promise<Dispatched> => {
        started.push(request.kind);
        return request.kind === 'autocomplete'
          ? { response: { type: 'choices', choices: [] }, outcome: 'ok' }
          : { response: { type: 'message', reply: { data: { content: 'hi' }, files: [] } }, outcome: 'ok' };
      },
      isPrivate: () => false,
    } as unknown as Dispatcher;
    const sent: string[] = [];
    const rest = { post: async (route: string) => void sent.push(route) } as unknown as REST;
    const pipeline = new InteractionPipeline({ rest, dispatcher, logger: createLogger({ level: 'silent' }) });

    // What one read of the gateway socket can hand over: five commands, then a keystroke's autocomplete.
    for (let i = 0; i < 5; i++) pipeline.accept(fakeInteraction(i, 'command'));
    pipeline.accept(fakeInteraction(5, 'autocomplete'));
    expect(started).toEqual(['autocomplete']);
    await nextTurn();
    expect(started).toEqual(['autocomplete', 'command']);
    await nextTurn();
    expect(started).toEqual(['autocomplete', 'command', 'command']);
    // A shutdown that begins now still serves the commands that came before it.
    await pipeline.drain(1000);
    expect(started.filter((k) => k === 'command')).toHaveLength(5);
    expect(sent).toHaveLength(6);
    expect(pipeline.served).toBe(6);
  });
});
