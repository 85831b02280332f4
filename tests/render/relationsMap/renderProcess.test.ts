import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelationsMapModel } from '../../../src/render/relationsMap/model.ts';
import { renderRelationsMapPng } from '../../../src/render/relationsMap/png.ts';
import {
  closeRenderProcess,
  RENDER_NICE,
  renderOffThread,
  renderProcessPid,
} from '../../../src/render/relationsMap/renderProcess.ts';

// Fictional actors only.
const MODEL: RelationsMapModel = {
  kind: 'of',
  center: { code: 'VAL', name: 'Valdoria', hasProfile: true },
  actors: [
    { code: 'KSH', name: 'Kesh', hasProfile: true },
    { code: 'ORU', name: 'Oruna', hasProfile: false },
  ],
  categories: [
    { name: 'Allies', colour: '#2e9e5b', polarity: 'friendly' },
    { name: 'Rivals', colour: '#e08a1e', polarity: 'hostile' },
  ],
  edges: [
    { from: 'VAL', to: 'KSH', category: 'Allies' },
    { from: 'VAL', to: 'ORU', category: 'Rivals' },
  ],
};

/** Field 19 of /proc/PID/task/TID/stat is the thread's nice value. */
function niceOfThreads(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) =>
    Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
  );
}

/** Whether this system lets a process lower another's priority (some sandboxes refuse setpriority). */
function canLowerPriority(): boolean {
  const child = spawnSync(process.execPath, ['-e', `require('os').setPriority(process.pid, ${RENDER_NICE})`]);
  return child.status === 0;
}

afterEach(() => closeRenderProcess());

describe('the map render process', () => {
  it('draws the same PNG as drawing in place, byte for byte', async () => {
    const picture = await renderOffThread(MODEL);
    const inPlace = renderRelationsMapPng(MODEL);
    expect(picture.png.equals(inPlace.png)).toBe(true);
    expect([picture.width, picture.height]).toEqual([inPlace.width, inPlace.height]);
  });

  it('draws maps asked for at once, each its own', async () => {
    const other: RelationsMapModel = {
      ...MODEL,
      edges: MODEL.edges.slice(0, 1),
      actors: MODEL.actors.slice(0, 1),
    };
    const [a, b, c] = await Promise.all([
      renderOffThread(MODEL),
      renderOffThread(other),
      renderOffThread(MODEL),
    ]);
    expect(a!.png.equals(c!.png)).toBe(true);
    expect(a!.png.equals(b!.png)).toBe(false);
  });

  it('says why a map could not be drawn, and draws the next one', async () => {
    const broken = { ...MODEL, actors: null } as unknown as RelationsMapModel;
    expect(() => renderRelationsMapPng(broken)).toThrow();
    await expect(renderOffThread(broken)).rejects.toThrow();
    expect((await renderOffThread(MODEL)).png.length).toBeGreaterThan(1000);
  });

  it('fails the maps it owed when it dies, and a new one draws the next', async () => {
    await renderOffThread(MODEL);
    const pid = renderProcessPid()!;
    const owed = renderOffThread(MODEL);
    process.kill(pid, 'SIGKILL');
    await expect(owed).rejects.toThrow(/map render process stopped/);
    expect((await renderOffThread(MODEL)).png.length).toBeGreaterThan(1000);
    expect(renderProcessPid()).not.toBe(pid);
  });

  it.runIf(process.platform === 'linux')(
    'runs every thread at a lower priority than the bot',
    async (ctx) => {
      if (!canLowerPriority()) ctx.skip(); // a sandbox that refuses setpriority: the map is drawn all the same
      await renderOffThread(MODEL);
      const nices = niceOfThreads(renderProcessPid()!);
      expect(nices.length).toBeGreaterThan(1);
      expect(new Set(nices)).toEqual(new Set([RENDER_NICE]));
    },
  );
});
