// Krippendorff's alpha: how far raters agree beyond chance, for any number
// of raters, missing ratings, and ordinal (or nominal, interval) values.
// A small function rather than a dependency: the npm packages that compute it
// are unmaintained; this follows Krippendorff (2011), "Computing
// Krippendorff's Alpha-Reliability", through the coincidence matrix, and is
// tested against that paper's worked example.

export type Level = 'nominal' | 'ordinal' | 'interval';

/**
 * α for `units`, each the values its raters gave (a unit with fewer than two
 * values says nothing of agreement and is left out). 1 is perfect agreement,
 * 0 what chance gives; undefined when there is no pair of values to compare
 * or every value is the same.
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], level: Level = 'ordinal'): number | undefined {
  const pairable = units.filter((values) => values.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (categories.length === 0) return undefined;
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;
  // Coincidences: each ordered pair of values within a unit, weighted 1/(m − 1).
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    values.forEach((a, i) => values.forEach((b, j) => {
      if (i !== j) o[index.get(a)!]![index.get(b)!]! += weight;
    }));
  }
  const marginals = o.map((row) => row.reduce((s, v) => s + v, 0));
  const n = marginals.reduce((s, v) => s + v, 0);
  const delta = (c: number, k: number): number => {
    if (level === 'nominal') return c === k ? 0 : 1;
    if (level === 'interval') return (categories[c]! - categories[k]!) ** 2;
    // Ordinal: the values between two ranks, counted in the data, half of each end.
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let between = 0;
    for (let g = lo; g <= hi; g++) between += marginals[g]!;
    return (between - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return undefined;
  return 1 - ((n - 1) * observed) / expected;
}
