import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { bigFiveDataPath, loadBigFiveData } from './big-five-data.js';
import { levelProportions } from './big-five-levels.js';
import { bigFiveMeans } from './big-five-means.js';

// Oracle: the derivation of big-five.json `ageTrajectory` (see its `$doc` and
// libs/traits/scripts/derive-big-five-trajectory.ts) redone here with its own loops,
// from the transcribed Donnellan & Lucas (2008) Table 1 (`sourceTable`) and the ACS seed.
const json = JSON.parse(readFileSync(bigFiveDataPath, 'utf8'));
const traits: string[] = json.traits;
const age = json.ageTrajectory;
const table = age.sourceTable;

const seed = readFileSync(new URL('../../../../data/census/acs2024_1yr_person_us_1in100hh.csv', import.meta.url), 'utf8').trimEnd().split('\n');
const header = seed[0]!.split(',');
const persons = seed.slice(1).map((line) => {
  const f = line.split(',');
  return { age: Number(f[header.indexOf('AGEP')]), sex: Number(f[header.indexOf('SEX')]), weight: Number(f[header.indexOf('PWGTP')]) };
});
const adults = persons.filter((p) => p.age >= 18);

/** Linear interpolation by scanning down from the last knot (constant outside). */
function interpolate(xs: number[], ys: number[], x: number): number {
  if (x >= xs[xs.length - 1]!) return ys[ys.length - 1]!;
  for (let k = xs.length - 2; k >= 0; k--) {
    if (x >= xs[k]!) return ys[k]! + ((ys[k + 1]! - ys[k]!) * (x - xs[k]!)) / (xs[k + 1]! - xs[k]!);
  }
  return ys[0]!;
}

const weighted = (group: typeof persons, f: (p: (typeof persons)[number]) => number) =>
  group.reduce((s, p) => s + p.weight * f(p), 0) / group.reduce((s, p) => s + p.weight, 0);

describe('big-five.json age trajectory: knots and ACS adult origin', () => {
  // Band centres in completed years: a band a–b has centre (a + b)/2, averaged over the two samples.
  const centres = table.bands.BHPS.map(([a, b]: number[], i: number) => ((a! + b!) / 2 + (table.bands.GSOEP[i][0] + table.bands.GSOEP[i][1]) / 2) / 2);
  const pooled = traits.map((t) => table.BHPS[t].map((v: number, i: number) => ((v + table.GSOEP[t][i]) / 2 - 50) / 10) as number[]);
  const d = traits.map((t) => json.sexDifferences.d[t] as number);
  const sexTerm = (t: number, sex: number) => (sex === 2 ? d[t]! / 2 : -d[t]! / 2);
  const offsets = pooled.map((z, t) => weighted(adults, (p) => interpolate(centres, z, p.age) + sexTerm(t, p.sex)));

  it('places one knot at each band centre in completed years (17.5 … 74.5, 82.25)', () => {
    expect(centres).toEqual([17.5, 24.5, 34.5, 44.5, 54.5, 64.5, 74.5, 82.25]);
    expect(age.ages).toEqual(centres);
  });

  it('stores the pooled band z minus the ACS adult offset, rounded to 4 decimals', () => {
    traits.forEach((t, i) => {
      approxEqual(age.means[t], pooled[i]!.map((z) => z - offsets[i]!), { abs: 5e-5 + 1e-12 }, `means.${t}`);
      approxEqual(age.origin.offsets[t], offsets[i]!, { abs: 5e-7 + 1e-12 }, `origin.offsets.${t}`);
    });
  });

  it('gives the model a PWGTP-weighted adult mean of 0 per trait (within the 4-decimal rounding of the knots)', () => {
    const data = loadBigFiveData();
    for (let t = 0; t < 5; t++) {
      approxEqual(weighted(adults, (p) => bigFiveMeans(data, p.age, p.sex)[t]!), 0, { abs: 5e-5 }, `adult mean ${traits[t]}`);
    }
  });

  it('documents the expected level shares Σ w·[Φ(c_k − μ) − Φ(c_{k−1} − μ)] / Σ w (closed form over the seed)', () => {
    const data = loadBigFiveData();
    const cuts: number[] = json.levels.cuts;
    for (const [name, group] of [['adults', adults], ['allAges', persons]] as const) {
      traits.forEach((t, i) => {
        const shares = [0, 1, 2, 3, 4].map((k) => 100 * weighted(group, (p) => levelProportions(cuts, bigFiveMeans(data, p.age, p.sex)[i]!)[k]!));
        approxEqual(age.origin.levelShares[name][t], shares, { abs: 0.005 + 1e-9 }, `levelShares.${name}.${t}`);
      });
    }
    // With the ACS adult origin, no trait's adult "Extremely Low" share is far from the nominal Φ(−1.5) = 6.68 %.
    for (const t of traits) expect(Math.abs(age.origin.levelShares.adults[t][0] - 6.68)).toBeLessThan(0.6);
  });
});
