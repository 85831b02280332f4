// The bench reads the bot process's memory from /proc: the parser, and a reading of this very process.
import { describe, expect, it } from 'vitest';
import { parseProcStatus, RssSampler, readProcessMemory } from '../../bench/processMemory.ts';

const STATUS = [
  'Name:\tnode',
  'VmPeak:\t 1234568 kB',
  'VmHWM:\t  524288 kB',
  'VmRSS:\t  262144 kB',
  'VmSwap:\t       0 kB',
].join('\n');

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in bytes', () => {
    expect(parseProcStatus(STATUS)).toEqual({ rssBytes: 256 * 1024 * 1024, peakRssBytes: 512 * 1024 * 1024 });
  });

  it('does not take VmPeak (virtual size) for the resident peak', () => {
    expect(parseProcStatus(STATUS)?.peakRssBytes).not.toBe(1234568 * 1024);
  });

  it('gives nothing when a field is missing, as for a kernel thread', () => {
    expect(parseProcStatus('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
    expect(parseProcStatus('VmRSS:\t 100 kB\n')).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux')('reading a live process', () => {
  it('agrees with what Node reports of its own resident set', () => {
    const memory = readProcessMemory(process.pid)!;
    const own = process.memoryUsage.rss();
    expect(memory.rssBytes).toBeGreaterThan(own / 2);
    expect(memory.rssBytes).toBeLessThan(own * 2);
    expect(memory.peakRssBytes).toBeGreaterThanOrEqual(memory.rssBytes);
  });

  it('gives nothing for a process that does not exist', () => {
    expect(readProcessMemory(2 ** 22 + 1)).toBeUndefined();
    expect(readProcessMemory(undefined)).toBeUndefined();
  });

  it('keeps each phase’s peak apart', () => {
    const sampler = new RssSampler(process.pid, 60_000);
    const before = performance.now();
    sampler.read();
    sampler.read();
    const after = performance.now();
    sampler.stop();
    expect(sampler.samples).toHaveLength(2);
    expect(sampler.peakBetween(before, after)).toBe(Math.max(...sampler.samples.map((s) => s.rssBytes)));
    expect(sampler.peakBetween(after + 1)).toBeNaN();
  });
});
