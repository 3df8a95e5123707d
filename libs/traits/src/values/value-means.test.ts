import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { loadSchwartzData, parseSchwartzData, schwartzDataPath } from './schwartz-data.js';
import { valueMeans } from './value-means.js';
import { catchInputError } from '../../../../test-support/input-error.js';

const raw = () => JSON.parse(readFileSync(schwartzDataPath, 'utf8'));

// Oracle: the published PPBS 2016 tables, typed here from the report (values_10_fold.html,
// §3.3 'Age' and §3.2 'Gender' summary tables; all six age rows), not read from schwartz.json.
// Value order: self-direction, stimulation, hedonism, achievement, power, security, conformity,
// tradition, benevolence, universalism.
const age18to24 = [-0.37, 0.18, 0.09, 0.12, 0.35, -0.53, -0.32, -0.33, -0.54, -0.19];
const age25to34 = [-0.09, 0.23, 0.18, 0.16, 0.15, -0.2, -0.16, -0.18, -0.1, 0.05];
const age35to44 = [0.14, 0.21, 0.19, 0.09, 0.11, 0.04, 0.06, 0.07, 0.13, 0.08];
const age45to54 = [0.09, -0.08, -0.08, -0.08, -0.04, 0.11, 0.07, 0.1, 0.08, 0.1];
const age55to64 = [0.16, -0.1, -0.11, -0.05, -0.24, 0.29, 0.2, 0.1, 0.16, 0.16];
const age65plus = [-0.04, -0.4, -0.26, -0.2, -0.27, 0.17, 0.08, 0.16, 0.14, -0.26];
const ageRows = [age18to24, age25to34, age35to44, age45to54, age55to64, age65plus];
// Knots in completed years (AGEP): centres of 18-24 … 55-64, and the ACS 2024 weighted mean AGEP of 65+.
const knots = [21, 29.5, 39.5, 49.5, 59.5, 74.35];
const female = [0.08, 0.07, 0.07, 0.01, -0.07, 0.09, 0.07, -0.02, 0.09, 0.17];
const male = [-0.09, -0.07, -0.07, -0.01, 0.07, -0.1, -0.07, 0.02, -0.1, -0.17];

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const centred = (xs: number[]) => xs.map((x) => x - mean(xs));
// Closed form: d_v = (F_v − mean F) − (M_v − mean M).
const d = centred(female).map((f, v) => f - centred(male)[v]!);
const tight = { rel: 1e-12, abs: 1e-14 };

describe('valueMeans (PPBS 2016 age-group and gender means, group-centred)', () => {
  const data = loadSchwartzData();

  it('is the centred group mean at a knot plus d/2 for women, minus d/2 for men', () => {
    ageRows.forEach((row, g) => {
      approxEqual(valueMeans(data, knots[g]!, 2), centred(row).map((m, v) => m + d[v]! / 2), tight, `women at knot ${knots[g]}`);
      approxEqual(valueMeans(data, knots[g]!, 1), centred(row).map((m, v) => m - d[v]! / 2), tight, `men at knot ${knots[g]}`);
    });
    expect([...data.ageKnots]).toEqual(knots);
  });

  it('gives power the largest male-leaning d and universalism the largest female-leaning d (both as in Schwartz & Rubel 2005)', () => {
    const sexD = [...data.sexD];
    expect(sexD.indexOf(Math.min(...sexD))).toBe(4);
    expect(sexD.indexOf(Math.max(...sexD))).toBe(9);
    approxEqual(data.sexD[4]!, -0.255, tight, 'power d by hand: (−0.07 − 0.056) − (0.07 + 0.059)');
  });

  it('interpolates linearly between knots and is constant outside them (children take the 18-24 value)', () => {
    const at44 = centred(age35to44).map((m, v) => (m + centred(age45to54)[v]!) / 2 - d[v]! / 2);
    approxEqual(valueMeans(data, 44.5, 1), at44, tight, 'men 44.5 = midpoint of knots 39.5 and 49.5');
    expect(valueMeans(data, 5, 2)).toEqual(valueMeans(data, 21, 2));
    expect(valueMeans(data, 95, 1)).toEqual(valueMeans(data, 74.35, 1));
  });

  it('rejects a negative age and a sex code other than 1 or 2', () => {
    expect(() => valueMeans(data, -1, 1)).toThrow(message.invalidAge(-1));
    expect(() => valueMeans(data, 30, 3)).toThrow(message.invalidSex(3));
  });
});

describe('schwartz.json PPBS tables: internal consistency of the transcription', () => {
  // Closed-form check of the transcription (not of the model): the report's z-scores are standardised over
  // the whole sample, so for each value the n-weighted mean of the group means is 0 and the total variance
  // rebuilt from the groups, [Σ (n_g − 1) s_g² + Σ n_g (m_g − m̄)²] / (N − 1), is 1 — up to the tables'
  // 2-decimal rounding (±0.005 and 1 ± 0.01). A mistyped mean, SD or n moves one of them out.
  const json = raw();
  const check = (what: string, n: number[], means: number[], sds: number[]) => {
    const total = n.reduce((a, b) => a + b, 0);
    const mean = n.reduce((a, k, g) => a + k * means[g]!, 0) / total;
    const variance = n.reduce((a, k, g) => a + (k - 1) * sds[g]! ** 2 + k * (means[g]! - mean) ** 2, 0) / (total - 1);
    approxEqual(mean, 0, { abs: 0.005 }, `${what}: n-weighted mean`);
    approxEqual(variance, 1, { abs: 0.01 }, `${what}: rebuilt variance`);
  };

  it('age groups (n = 193 … 254): weighted mean 0 ± 0.005 and variance 1 ± 0.01 for each value', () => {
    const { n, groupMeans, groupSDs } = json.ageTrajectory;
    expect(n.reduce((a: number, b: number) => a + b, 0)).toBe(1500);
    for (const value of Object.keys(groupMeans)) check(`age ${value}`, n, groupMeans[value], groupSDs[value]);
  });

  it('gender groups (760 women, 740 men): the same two checks for each value', () => {
    const { n, groupMeans, groupSDs } = json.sexDifferences;
    for (const value of Object.keys(groupMeans.female)) {
      check(`sex ${value}`, [n.female, n.male], [groupMeans.female[value], groupMeans.male[value]], [groupSDs.female[value], groupSDs.male[value]]);
    }
  });

  it('the tables typed above from the report equal schwartz.json (the two transcriptions agree)', () => {
    const names = json.values.map((v: { name: string }) => v.name);
    ageRows.forEach((row, g) => expect(names.map((name: string) => json.ageTrajectory.groupMeans[name][g])).toEqual(row));
    expect(names.map((name: string) => json.sexDifferences.groupMeans.female[name])).toEqual(female);
    expect(names.map((name: string) => json.sexDifferences.groupMeans.male[name])).toEqual(male);
  });
});

describe('schwartz.json age and sex tables: bad input', () => {
  const failure = (mutate: (json: any) => void): InputError =>
    catchInputError(() => {
      const json = raw();
      mutate(json);
      parseSchwartzData(json, 'schwartz.json');
    });

  it('names the field and what was expected', () => {
    const notBool = failure((j) => (j.ageTrajectory.centre = 'yes'));
    expect(notBool.reason).toBe(message.expectedBoolean('yes'));
    expect(notBool.location.field).toBe('ageTrajectory.centre');
    const short = failure((j) => j.ageTrajectory.groupMeans.power.pop());
    expect(short.reason).toBe(message.expectedArray(6, [0.35, 0.15, 0.11, -0.04, -0.24]));
    expect(short.location.field).toBe('ageTrajectory.groupMeans.power');
    expect(failure((j) => delete j.ageTrajectory.groupMeans.tradition).reason).toBe(message.missingName('tradition'));
    expect(failure((j) => (j.ageTrajectory.groupMeans.hedonsim = [0, 0, 0, 0, 0, 0])).location.field).toBe(
      'ageTrajectory.groupMeans.hedonsim',
    );
    expect(failure((j) => (j.ageTrajectory.ages[2] = 25)).reason).toBe(message.knotsNotIncreasing());
    expect(failure((j) => delete j.sexDifferences.groupMeans.male.power).reason).toBe(message.missingName('power'));
    expect(failure((j) => (j.sexDifferences.centre = 1)).location.field).toBe('sexDifferences.centre');
  });

  it('validates n and groupSDs (kept verbatim, not used by the model): one positive integer / positive SD per group', () => {
    const cases: [(j: any) => void, string, string][] = [
      [(j) => j.ageTrajectory.n.pop(), message.expectedArray(6, [193, 264, 263, 292, 234]), 'ageTrajectory.n'],
      [(j) => (j.ageTrajectory.n[2] = 26.5), message.expectedPositiveInteger(26.5), 'ageTrajectory.n[2]'],
      [(j) => (j.ageTrajectory.n[0] = 0), message.expectedPositiveInteger(0), 'ageTrajectory.n[0]'],
      [(j) => (j.ageTrajectory.groupSDs.power[5] = -0.86), message.expectedPositiveNumber(-0.86), 'ageTrajectory.groupSDs.power[5]'],
      [(j) => j.ageTrajectory.groupSDs.power.pop(), message.expectedArray(6, [0.99, 1.06, 1.08, 0.98, 0.88]), 'ageTrajectory.groupSDs.power'],
      [(j) => delete j.ageTrajectory.groupSDs.tradition, message.missingName('tradition'), 'ageTrajectory.groupSDs'],
      [(j) => j.ageTrajectory.groups.pop(), message.expectedArray(5, [21, 29.5, 39.5, 49.5, 59.5, 74.35]), 'ageTrajectory.ages'],
      [(j) => (j.sexDifferences.n.male = -740), message.expectedPositiveInteger(-740), 'sexDifferences.n.male'],
      [(j) => (j.sexDifferences.groupSDs.female.hedonism = 0), message.expectedPositiveNumber(0), 'sexDifferences.groupSDs.female.hedonism'],
      [(j) => (j.ageTrajectory.ages = []), message.expectedKnots([]), 'ageTrajectory.ages'],
    ];
    for (const [mutate, reason, field] of cases) {
      const error = failure(mutate);
      expect(error.reason).toBe(reason);
      expect(error.location).toEqual({ file: 'schwartz.json', field });
    }
  });

  it('uses the raw group means when centre is false', () => {
    const json = raw();
    json.ageTrajectory.centre = false;
    json.sexDifferences.centre = false;
    const data = parseSchwartzData(json, 'schwartz.json');
    approxEqual(valueMeans(data, 21, 2), age18to24.map((m, v) => m + (female[v]! - male[v]!) / 2), tight, 'raw');
  });
});
