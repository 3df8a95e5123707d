/**
 * Derives `ageTrajectory.ages`, `ageTrajectory.means` and `ageTrajectory.origin`
 * of data/traits/big-five.json from its `ageTrajectory.sourceTable`
 * (Donnellan & Lucas 2008, Table 1 T scores) and the ACS 2024 PUMS seed
 * (data/census/acs2024_1yr_person_us_1in100hh.csv).
 *
 * 1. Band z: z(band) = ((T_BHPS + T_GSOEP) / 2 − 50) / 10, the unweighted mean
 *    of the two samples, in SD units of the sources' 30–34-year-olds.
 * 2. Knots: one per band at its centre in completed years (the convention of
 *    PUMS AGEP): a band a–b has centre (a + b) / 2; the last band is 80–85 in
 *    the BHPS and 80–84 in the GSOEP, centre (82.5 + 82) / 2 = 82.25.
 * 3. Origin: the curve a_t (piecewise linear through the knots, constant
 *    outside) plus the sex term (women +d_t/2, men −d_t/2) is averaged over
 *    the seed's adults (AGEP ≥ 18) with weights PWGTP; that mean c_t is
 *    subtracted from every knot, so that the ACS-weighted adult mean of the
 *    persona mean μ_t(age, sex) is 0 — the population metric the level cuts
 *    (−1.5, −0.5, 0.5, 1.5) assume. Means are rounded to 4 decimals.
 * 4. Reported in `origin`: the offsets c_t, the adult population SD
 *    √(1 + Var_w μ_t) (the unit stays the within-group SD), and the expected
 *    share of each level, Σ w·[Φ(c_k − μ) − Φ(c_{k−1} − μ)] / Σ w, over adults
 *    and over all ages.
 *
 * Run: npx tsx --conditions=@persona/source libs/traits/scripts/derive-big-five-trajectory.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BIG_FIVE_TRAITS, levelProportions } from '@persona/traits';

/** Piecewise-linear interpolation through (xs, ys), constant outside the knots. */
function piecewiseLinearAt(xs: number[], ys: number[], x: number): number {
  if (x <= xs[0]!) return ys[0]!;
  const last = xs.length - 1;
  if (x >= xs[last]!) return ys[last]!;
  let k = 0;
  while (x > xs[k + 1]!) k++;
  return ys[k]! + ((x - xs[k]!) / (xs[k + 1]! - xs[k]!)) * (ys[k + 1]! - ys[k]!);
}

const root = new URL('../../../', import.meta.url);
const file = new URL('data/traits/big-five.json', root);
const json = JSON.parse(readFileSync(file, 'utf8'));
const age = json.ageTrajectory;
const table = age.sourceTable;
const samples = ['BHPS', 'GSOEP'] as const;

// 1–2. Band z and knots.
const bands: Record<string, [number, number][]> = table.bands;
const ages = bands.BHPS!.map((_, b) => samples.reduce((s, name) => s + (bands[name]![b]![0] + bands[name]![b]![1]) / 2, 0) / samples.length);
const z = BIG_FIVE_TRAITS.map((t) => table.BHPS[t].map((bhps: number, b: number) => ((bhps + table.GSOEP[t][b]) / 2 - 50) / 10) as number[]);
const d = BIG_FIVE_TRAITS.map((t) => json.sexDifferences.d[t] as number);

// 3. ACS-weighted means over the seed.
const lines = readFileSync(new URL('data/census/acs2024_1yr_person_us_1in100hh.csv', root), 'utf8').trimEnd().split('\n');
const header = lines[0]!.split(',');
const [iAge, iSex, iWeight] = ['AGEP', 'SEX', 'PWGTP'].map((name) => header.indexOf(name));
const persons = lines.slice(1).map((line) => {
  const f = line.split(',');
  return { age: Number(f[iAge!]), female: f[iSex!] === '2', weight: Number(f[iWeight!]) };
});
const mu = (curve: number[], t: number, p: { age: number; female: boolean }) =>
  piecewiseLinearAt(ages, curve, p.age) + (p.female ? 0.5 : -0.5) * d[t]!;
const weightedMean = (f: (p: (typeof persons)[number]) => number, adultsOnly: boolean) => {
  let sum = 0;
  let total = 0;
  for (const p of persons) {
    if (adultsOnly && p.age < 18) continue;
    sum += p.weight * f(p);
    total += p.weight;
  }
  return sum / total;
};
const offsets = z.map((curve, t) => weightedMean((p) => mu(curve, t, p), true));
const means = z.map((curve, t) => curve.map((v) => Number((v - offsets[t]!).toFixed(4))));

// 4. What the re-centred model gives.
const cuts: number[] = json.levels.cuts;
const residualMean = means.map((curve, t) => weightedMean((p) => mu(curve, t, p), true));
const populationSD = means.map((curve, t) => Math.sqrt(1 + weightedMean((p) => (mu(curve, t, p) - residualMean[t]!) ** 2, true)));
const shares = (adultsOnly: boolean) =>
  Object.fromEntries(
    BIG_FIVE_TRAITS.map((t, i) => [
      t,
      [0, 1, 2, 3, 4].map((k) => Number((100 * weightedMean((p) => levelProportions(cuts, mu(means[i]!, i, p))[k]!, adultsOnly)).toFixed(2))),
    ]),
  );
const byTrait = (xs: number[], digits: number) => Object.fromEntries(BIG_FIVE_TRAITS.map((t, i) => [t, Number(xs[i]!.toFixed(digits))]));

age.ages = ages;
age.means = Object.fromEntries(BIG_FIVE_TRAITS.map((t, i) => [t, means[i]]));
age.origin = {
  $doc:
    'Derived by libs/traits/scripts/derive-big-five-trajectory.ts (not read by the library). offsets: the ACS 2024 PWGTP-weighted mean over adults (AGEP >= 18) of band-curve + sex term, subtracted from every knot so that the adult mean of mu(age, sex) is 0 (to the 4-decimal rounding of the knots: |mean| < 5e-5). adultSD: the adult population SD of a score, sqrt(1 + weighted variance of mu) - the unit is the within-group SD, so the population SD is slightly above 1. levelShares: expected % of persons in each level (Extremely Low .. Extremely High) with the cuts of `levels`, over adults and over all persons of the seed (PWGTP-weighted); under-16s get the 16-19 band, so conscientiousness is lower over all ages than over adults.',
  offsets: byTrait(offsets, 6),
  adultSD: byTrait(populationSD, 4),
  levelShares: { adults: shares(true), allAges: shares(false) },
};
table.bandCentres = ages;

/** JSON with 2-space indentation, arrays of numbers/strings and objects of numbers on one line (the file's style). */
function format(value: unknown, indent = ''): string {
  const flat = (v: unknown) => typeof v !== 'object' || v === null;
  if (Array.isArray(value)) {
    if (value.every(flat)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.every(([, v]) => typeof v === 'number')) {
      return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
    }
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
writeFileSync(file, `${format(json)}\n`);
process.stderr.write(`big-five.json: offsets ${JSON.stringify(age.origin.offsets)}\nlevel shares ${JSON.stringify(age.origin.levelShares)}\n`);
