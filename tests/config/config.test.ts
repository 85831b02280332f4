// The configuration's defaults and switches: what `npm start` does when a variable is unset, empty or set.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';

function config(env: Record<string, string>) {
  const parsed = loadConfig(env);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

describe('configuration', () => {
  it('warms up, watches the data and retries the feed after 2 s unless told otherwise', () => {
    const unset: Record<string, string>[] = [{}, { WARM_UP: '', WATCH_DATA: '', FEED_RETRY_MS: '' }];
    for (const env of unset) {
      expect(config(env)).toMatchObject({ WARM_UP: true, WATCH_DATA: true, FEED_RETRY_MS: 2000 });
    }
    expect(config({ WARM_UP: 'false', WATCH_DATA: 'false', FEED_RETRY_MS: '100' })).toMatchObject({
      WARM_UP: false,
      WATCH_DATA: false,
      FEED_RETRY_MS: 100,
    });
  });

  it('names a switch that is neither true nor false, and a retry that is no wait', () => {
    expect(loadConfig({ WARM_UP: 'yes', FEED_RETRY_MS: '0' })).toEqual({
      ok: false,
      errors: ['FEED_RETRY_MS: must be at least 1', 'WARM_UP: must be true or false'],
    });
  });
});
