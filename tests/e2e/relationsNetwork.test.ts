// /relations network end to end, on the fixture of 9 fictional profiles and 60 actors: the embed and the map
// arrive as one message the simulator validates against Discord's spec and limits.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete, DiscordSimulator, type InteractionResult, slash } from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import { choicesOf, embedOf, expectClean, isEphemeral, messageOf } from './helpers.ts';

let sim: DiscordSimulator;
let bot: BotProcess;

beforeAll(async () => {
  sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }] }],
  }).start();
  bot = await startBot(sim, { env: { DATA_DIR: 'tests/fixtures/network' } });
});

afterEach(() => expectClean(sim));

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

/** The one file uploaded (multipart) with the answer to `r`. */
function uploaded(r: InteractionResult) {
  const files = sim.requests
    .filter((q) => q.path.includes(`/${r.id}/`) || q.path.includes(r.token))
    .flatMap((q) => q.files);
  expect(files).toHaveLength(1);
  return files[0]!;
}

describe('/relations network', () => {
  it('draws every profiled actor and whom it lists, within Discord’s limits', async () => {
    const r = await sim.interact(slash('relations network'));
    const embed = embedOf(r);
    expect(embed.title).toBe('Who lists whom');
    expect(embed.description).toContain('9 profiled actors and the actors they list: 120 listings');
    expect(embed.fields?.[0]?.value).toContain('Lorvath');
    expect(embed.image?.url).toBe('attachment://relations-map.png');
    expect(messageOf(r).attachments).toEqual([{ id: '0', filename: 'relations-map.png' }]);
    const png = uploaded(r);
    expect(png.contentType).toBe('image/png');
    expect(png.size).toBeGreaterThan(10_000);
    expect(isEphemeral(r)).toBe(false);
  });

  it('narrows to one category, privately when asked', async () => {
    const r = await sim.interact(slash('relations network', { category: 'Allies', private: true }));
    expect(embedOf(r).title).toBe('Who lists whom — Allies only');
    expect(isEphemeral(r)).toBe(true);
    expect(uploaded(r).contentType).toBe('image/png');
  });

  it('says so when no profile uses the category', async () => {
    const r = await sim.interact(slash('relations network', { category: 'Observers' }));
    expect(embedOf(r).description).toBe('No profile lists anyone as “Observers”.');
  });

  it('completes the category', async () => {
    const r = await sim.interact(autocomplete('relations network', { category: 'ad' }, 'category'));
    expect(choicesOf(r).map((c) => c.value)).toEqual(['Adversaries']);
  });
});
