// Krippendorff's alpha against the worked example of Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability" (4 observers, 12 units, values
// 1–5, missing data), which gives α = 0.743 nominal, 0.815 ordinal, 0.849
// interval.
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../src/collect/krippendorff.js';

const _ = null;
const OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS = OBSERVERS[0]!.map((_value, unit) => OBSERVERS.map((row) => row[unit]).filter((v): v is number => v !== null));

describe("Krippendorff's alpha", () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('gives the published %s value of the worked example, %s', (level, alpha) => {
    expect(krippendorffAlpha(UNITS, level)).toBeCloseTo(alpha, 3);
  });

  it('is 1 for perfect agreement, undefined with nothing to compare, and below 0 for systematic disagreement', () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3, 3]])).toBe(1);
    expect(krippendorffAlpha([[1], [2]])).toBeUndefined();
    expect(krippendorffAlpha([[2, 2], [2, 2]])).toBeUndefined();
    expect(krippendorffAlpha([[0, 3], [3, 0], [1, 2], [2, 1]])!).toBeLessThan(0);
  });
});
