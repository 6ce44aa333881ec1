import { describe, expect, it } from 'vitest';
import { computeBackoffMs } from './backoff.js';

const options = { baseMs: 1000, maxMs: 30_000 };

describe('computeBackoffMs', () => {
  it.each([
    // attempt, random, expected
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [2, 1, 2000],
    [3, 0.5, 3000],
    [5, 1, 16_000],
    [6, 1, 30_000],
    [6, 0, 15_000],
    [40, 1, 30_000],
    [0, 1, 1000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(computeBackoffMs(attempt, options, () => random)).toBe(expected);
  });

  it('keeps out-of-range random values inside the jitter window', () => {
    expect(computeBackoffMs(1, options, () => 7)).toBe(1000);
    expect(computeBackoffMs(1, options, () => -3)).toBe(500);
  });
});
