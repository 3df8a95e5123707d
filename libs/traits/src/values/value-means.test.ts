import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { loadSchwartzData, parseSchwartzData, schwartzDataPath } from './schwartz-data.js';
import { valueMeans } from './value-means.js';

const raw = () => JSON.parse(readFileSync(schwartzDataPath, 'utf8'));

// Oracle: the published PPBS 2016 tables, typed here from the report (values_10_fold.html,
// §3.3 'Age' and §3.2 'Gender' summary tables), not read from schwartz.json. Value order:
// self-direction, stimulation, hedonism, achievement, power, security, conformity, tradition,
// benevolence, universalism.
const age18to24 = [-0.37, 0.18, 0.09, 0.12, 0.35, -0.53, -0.32, -0.33, -0.54, -0.19];
const age35to44 = [0.14, 0.21, 0.19, 0.09, 0.11, 0.04, 0.06, 0.07, 0.13, 0.08];
const age45to54 = [0.09, -0.08, -0.08, -0.08, -0.04, 0.11, 0.07, 0.1, 0.08, 0.1];
const age65plus = [-0.04, -0.4, -0.26, -0.2, -0.27, 0.17, 0.08, 0.16, 0.14, -0.26];
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
    approxEqual(valueMeans(data, 21.5, 2), centred(age18to24).map((m, v) => m + d[v]! / 2), tight, 'women at the 18-24 knot');
    approxEqual(valueMeans(data, 74.3, 1), centred(age65plus).map((m, v) => m - d[v]! / 2), tight, 'men at the 65+ knot');
  });

  it('gives power the largest male-leaning d and universalism the largest female-leaning d (both as in Schwartz & Rubel 2005)', () => {
    const sexD = [...data.sexD];
    expect(sexD.indexOf(Math.min(...sexD))).toBe(4);
    expect(sexD.indexOf(Math.max(...sexD))).toBe(9);
    approxEqual(data.sexD[4]!, -0.255, tight, 'power d by hand: (−0.07 − 0.056) − (0.07 + 0.059)');
  });

  it('interpolates linearly between knots and is constant outside them (children take the 18-24 value)', () => {
    const at45 = centred(age35to44).map((m, v) => (m + centred(age45to54)[v]!) / 2 - d[v]! / 2);
    approxEqual(valueMeans(data, 45, 1), at45, tight, 'men 45 = midpoint of knots 40 and 50');
    expect(valueMeans(data, 5, 2)).toEqual(valueMeans(data, 21.5, 2));
    expect(valueMeans(data, 95, 1)).toEqual(valueMeans(data, 74.3, 1));
  });

  it('rejects a negative age and a sex code other than 1 or 2', () => {
    expect(() => valueMeans(data, -1, 1)).toThrow(message.invalidAge(-1));
    expect(() => valueMeans(data, 30, 3)).toThrow(message.invalidSex(3));
  });
});

describe('schwartz.json age and sex tables: bad input', () => {
  function failure(mutate: (json: any) => void): InputError {
    const json = raw();
    mutate(json);
    try {
      parseSchwartzData(json, 'schwartz.json');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return error as InputError;
    }
    throw new Error('expected an InputError');
  }

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

  it('uses the raw group means when centre is false', () => {
    const json = raw();
    json.ageTrajectory.centre = false;
    json.sexDifferences.centre = false;
    const data = parseSchwartzData(json, 'schwartz.json');
    approxEqual(valueMeans(data, 21.5, 2), age18to24.map((m, v) => m + (female[v]! - male[v]!) / 2), tight, 'raw');
  });
});
