import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { bigFiveDataPath, loadBigFiveData, parseBigFiveData } from './big-five-data.js';
import { catchInputError } from '../../../../test-support/input-error.js';

const raw = () => JSON.parse(readFileSync(bigFiveDataPath, 'utf8'));

const failure = (mutate: (json: any) => void): InputError =>
  catchInputError(() => {
    const json = raw();
    mutate(json);
    parseBigFiveData(json, 'big-five.json');
  });

describe('big-five.json', () => {
  it('loads the embedded file with the published matrix in trait order (Davies et al. 2015, ES sign-flipped to N)', () => {
    const data = loadBigFiveData();
    // Wiernik et al. (2021) Table 1, corrected: ES–A .31, A–C .41, E–O .33 → N–A −.31, C–A .41, O–E .33.
    expect(data.correlation[4 * 5 + 3]).toBe(-0.31);
    expect(data.correlation[1 * 5 + 3]).toBe(0.41);
    expect(data.correlation[0 * 5 + 2]).toBe(0.33);
    expect([...data.levelCuts]).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });

  it('rejects a correlation matrix that is not positive definite, naming file and field', () => {
    const error = failure((j) => {
      const m = j.correlation.matrix;
      m[0][1] = m[1][0] = 0.9;
      m[0][2] = m[2][0] = 0.9;
      m[1][2] = m[2][1] = -0.9;
    });
    expect(error.location).toEqual({ file: 'big-five.json', field: 'correlation.matrix' });
    expect(error.reason.startsWith(message.notPositiveDefinite(1, 1).slice(0, 40))).toBe(true);
    expect(error.message.startsWith('big-five.json: field "correlation.matrix": the matrix is not positive definite')).toBe(true);
  });

  it('rejects an asymmetric matrix, a non-unit diagonal and a correlation outside [-1, 1]', () => {
    expect(failure((j) => (j.correlation.matrix[0][1] = 0.2)).reason).toBe(message.notSymmetric(1, 0, 0.12, 0.2));
    expect(failure((j) => (j.correlation.matrix[2][2] = 0.9)).reason).toBe(message.notUnitDiagonal(2, 0.9));
    expect(failure((j) => (j.correlation.matrix[3][1] = j.correlation.matrix[1][3] = 1.2)).reason).toBe(
      message.correlationOutOfRange(3, 1, 1.2),
    );
    expect(failure((j) => j.correlation.matrix.pop()).reason).toBe(message.notSquareMatrix(5));
  });

  it('rejects unknown or missing traits, bad numbers, unordered cuts and knots', () => {
    expect(failure((j) => (j.sexDifferences.d.opennes = 0.1)).reason).toBe(
      message.unknownName('opennes', ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism']),
    );
    expect(failure((j) => delete j.sexDifferences.d.neuroticism).reason).toBe(message.missingName('neuroticism'));
    const bad = failure((j) => (j.ageTrajectory.means.openness[2] = '0.1'));
    expect(bad.reason).toBe(message.expectedNumber('0.1'));
    expect(bad.location.field).toBe('ageTrajectory.means.openness[2]');
    expect(failure((j) => (j.levels.cuts = [-1.5, 0.5, -0.5, 1.5])).reason).toBe(message.cutsNotIncreasing([-1.5, 0.5, -0.5, 1.5]));
    expect(failure((j) => (j.ageTrajectory.ages[3] = 10)).reason).toBe(message.knotsNotIncreasing());
  });

  it('requires `traits` in the fixed order O, C, E, A, N and `levels.labels` (when given) in the fixed level order', () => {
    const traits = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];
    // A file listing its arrays in another order would otherwise be read silently as O, C, E, A, N.
    const reordered = ['neuroticism', 'openness', 'conscientiousness', 'extraversion', 'agreeableness'];
    const order = failure((j) => (j.traits = reordered));
    expect(order.reason).toBe(message.fixedOrder(traits, reordered));
    expect(order.location).toEqual({ file: 'big-five.json', field: 'traits' });
    expect(failure((j) => delete j.traits).reason).toBe(message.fixedOrder(traits, undefined));
    expect(failure((j) => j.traits.pop()).location.field).toBe('traits');
    const labels = ['Very Low', 'Low', 'Average', 'High', 'Very High'];
    const levels = failure((j) => (j.levels.labels = labels));
    expect(levels.reason).toBe(message.fixedOrder(['Extremely Low', 'Low', 'Average', 'High', 'Extremely High'], labels));
    expect(levels.location).toEqual({ file: 'big-five.json', field: 'levels.labels' });
    const json = raw();
    delete json.levels.labels;
    expect([...parseBigFiveData(json, 'big-five.json').levelCuts]).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });

  it('takes one age knot or more (one knot = a constant curve) and says so when there is none', () => {
    const empty = failure((j) => (j.ageTrajectory.ages = []));
    expect(empty.reason).toBe(message.expectedKnots([]));
    expect(empty.location.field).toBe('ageTrajectory.ages');
    const json = raw();
    json.ageTrajectory.ages = [40];
    for (const t of Object.keys(json.ageTrajectory.means)) json.ageTrajectory.means[t] = [0.25];
    expect([...parseBigFiveData(json, 'big-five.json').ageMeans]).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadBigFiveData('/nonexistent/big-five.json')).toThrow(/^\/nonexistent\/big-five\.json: cannot read the JSON data file/);
  });
});
