import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../setup/property-seed.js';

describe('PROPERTY_SEED', () => {
  it.each([
    [undefined, 20261128],
    ['', 20261128],
    ['42', 42],
    ['-7', -7],
    ['random', undefined],
  ])('%j gives seed %j', (raw, seed) => {
    expect(propertySeed(raw)).toBe(seed);
  });

  it('rejects anything else by name', () => {
    expect(() => propertySeed('12abc')).toThrow(/PROPERTY_SEED must be an integer or "random", not "12abc"/);
  });

  it('is what fast-check runs with in this process', () => {
    const expected = propertySeed(process.env.PROPERTY_SEED);
    expect(fc.readConfigureGlobal().seed).toBe(expected);
  });
});
