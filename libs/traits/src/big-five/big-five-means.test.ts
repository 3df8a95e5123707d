import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { bigFiveDataPath, loadBigFiveData } from './big-five-data.js';
import { bigFiveMeans } from './big-five-means.js';

const json = JSON.parse(readFileSync(bigFiveDataPath, 'utf8'));
const traits: string[] = json.traits;
const knot = (age: number) => traits.map((t) => json.ageTrajectory.means[t][json.ageTrajectory.ages.indexOf(age)]);
const d = traits.map((t) => json.sexDifferences.d[t]);

describe('bigFiveMeans', () => {
  const data = loadBigFiveData();

  it('is the age curve at a knot plus d/2 for women and minus d/2 for men (values read from the JSON)', () => {
    approxEqual(bigFiveMeans(data, 74.5, 2), knot(74.5).map((m, i) => m + d[i] / 2), { rel: 1e-12, abs: 1e-15 }, 'women 74.5');
    approxEqual(bigFiveMeans(data, 24.5, 1), knot(24.5).map((m, i) => m - d[i] / 2), { rel: 1e-12, abs: 1e-15 }, 'men 24.5');
  });

  it('interpolates linearly between knots and is constant outside them', () => {
    const mid = knot(24.5).map((m, i) => (m + knot(34.5)[i]) / 2 - d[i] / 2);
    approxEqual(bigFiveMeans(data, 29.5, 1), mid, { rel: 1e-12, abs: 1e-15 }, 'age 29.5');
    expect(bigFiveMeans(data, 3, 2)).toEqual(bigFiveMeans(data, 17.5, 2));
    expect(bigFiveMeans(data, 95, 1)).toEqual(bigFiveMeans(data, 82.25, 1));
  });

  it('rejects a negative age and a sex code other than 1 or 2', () => {
    expect(() => bigFiveMeans(data, -1, 1)).toThrow(message.invalidAge(-1));
    expect(() => bigFiveMeans(data, 30, 0)).toThrow(message.invalidSex(0));
  });
});
