// The dispatcher's own answers: what it says when no module handles a request.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { Dispatcher } from '../../src/dispatch/dispatcher.ts';
import { createLogger } from '../../src/log/logger.ts';
import { commandRequest, componentRequest, contextOf, loadFixtureEngine } from '../engine/corpora.ts';

const engine = await loadFixtureEngine();
const dispatcher = new Dispatcher({
  commands: COMMANDS,
  context: () => contextOf(engine),
  logger: createLogger({ level: 'silent' }),
});

describe('requests no module handles', () => {
  it('an unknown command answers that the command is unknown, privately', async () => {
    const { response, outcome } = await dispatcher.dispatch(commandRequest('lookup', {}));
    expect(outcome).toBe('unknown');
    if (response.type !== 'message') throw new Error('expected a message');
    expect(response.reply.data.flags).toBe(64);
    expect(response.reply.data.embeds?.[0]?.title).toBe('Unknown command');
    expect(response.reply.data.embeds?.[0]?.description).toContain('no command “lookup”');
  });

  it('an unknown button says the button is out of date', async () => {
    const { response, outcome } = await dispatcher.dispatch(componentRequest('zz:1'));
    expect(outcome).toBe('unknown');
    if (response.type !== 'message') throw new Error('expected a message');
    expect(response.reply.data.embeds?.[0]?.title).toBe('This button is out of date');
    expect(response.reply.data.embeds?.[0]?.description).toContain('does not recognise this button');
  });
});
