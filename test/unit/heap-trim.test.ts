import v8 from 'node:v8';
import { describe, expect, test } from 'vitest';
import { shouldCollect, startHeapTrimmer } from '../../generator/docusaurus/heap-trim.js';

const MB = 1024 ** 2;

describe('heap trimming policy', () => {
  test.each([
    // used, live after the last collection, floor, collect?
    [100 * MB, 0, 256 * MB, false], // below the floor
    [300 * MB, 0, 256 * MB, true], // above the floor, nothing collected yet
    [300 * MB, 200 * MB, 256 * MB, false], // not yet twice the live heap
    [401 * MB, 200 * MB, 256 * MB, true],
    [400 * MB, 200 * MB, 256 * MB, false], // exactly twice: not above
    [900 * MB, 500 * MB, 256 * MB, false], // a big live heap raises the bar, never caps it
  ])('used %d, live %d, floor %d: %s', (used, live, floor, expected) => {
    expect(shouldCollect(used, live, floor)).toBe(expected);
  });
});

describe('startHeapTrimmer', () => {
  test('a forced trim collects the garbage of this thread and counts it', () => {
    const trimmer = startHeapTrimmer({ floorBytes: 256 * MB, intervalMs: 60_000 });
    try {
      let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `item ${i}` }));
      const before = v8.getHeapStatistics().used_heap_size;
      expect(garbage.length).toBe(300_000);
      garbage = undefined;
      trimmer.trim(true);
      const { collections, liveBytes } = trimmer.stats();
      expect(collections).toBe(1);
      // 300,000 small objects are well over 10 MB; what was live after the collection is below what was used with them.
      expect(before - liveBytes).toBeGreaterThan(10 * MB);
      trimmer.trim(false); // far below the floor: no collection
      expect(trimmer.stats().collections).toBe(1);
    } finally {
      trimmer.stop();
    }
  });
});
