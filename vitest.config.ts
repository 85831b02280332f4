import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests start the built bot, as `npm start` does.
    globalSetup: ['tests/buildBot.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Test files share one worker's module cache instead of each starting a fresh one: importing zod, discord.js's
    // types, the renderers and the simulator again for each of sixty files cost more than half the unit tests'
    // time. The tests keep no state in shared modules (no mocks, no fake timers, no environment changes), so
    // nothing leaks from one file to the next.
    isolate: false,
  },
});
