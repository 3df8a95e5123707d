import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { approxEqual, rFixture } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { loadBigFiveData } from '../big-five/big-five-data.js';
import { parseSchwartzData, schwartzDataPath } from './schwartz-data.js';
import { personalityModel } from './personality-model.js';
import { smallestEigenvalue, symmetricEigen } from './symmetric-eigen.js';

const raw = () => JSON.parse(readFileSync(schwartzDataPath, 'utf8'));
const D = 15;

describe('personalityModel', () => {
  const model = personalityModel();

  it('exports the value space: ten values in circle order at 36° steps', () => {
    expect(model.valueNames).toEqual(raw().values.map((v: { name: string }) => v.name));
    expect([...model.valueAnglesDegrees].map((a) => Math.round(a * 1e9) / 1e9)).toEqual([0, 36, 72, 108, 144, 180, 216, 252, 288, 324]);
    expect(model.dimensions.slice(0, 5)).toEqual(['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism']);
  });

  it('assembles the circulant values block (1 − κ)[i = j] + κ cos Δθ and the published trait–value cells', () => {
    const kappa = raw().intercorrelation.kappa as number;
    // self-direction–stimulation are adjacent (36°), self-direction–security opposite (180°).
    approxEqual(model.assembled[5 * D + 6]!, kappa * Math.cos(Math.PI / 5), { rel: 1e-15 }, 'adjacent');
    approxEqual(model.assembled[5 * D + 10]!, -kappa, { rel: 1e-15 }, 'opposite');
    // Parks-Leduc et al. (2015): agreeableness–benevolence .61 (row benevolence = 5 + 8, column A = 3).
    expect(model.assembled[13 * D + 3]).toBe(0.61);
    expect(model.assembled[3 * D + 13]).toBe(0.61);
    expect(model.assembled[5 * D + 4]).toBe(0); // neuroticism–self-direction: not published → 0
  });

  it('replaces the non-PD assembled matrix by its nearest correlation matrix, Big Five block unchanged', () => {
    expect(Math.min(...symmetricEigen(model.assembled, D).values)).toBeLessThan(0);
    expect(model.correction.applied).toBe(true);
    expect(model.correction.converged).toBe(true);
    const big5 = loadBigFiveData().correlation;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(model.correlation[i * D + j]).toBe(big5[i * 5 + j]);
    for (let i = 0; i < D; i++) expect(model.correlation[i * D + i]).toBe(1);
    // The floor is checked, not assumed: λ_min ≥ minEigenvalue·(1 − 1e-9), and the reported λ_min is the matrix's.
    const lambdaMin = Math.min(...symmetricEigen(model.correlation, D).values);
    expect(lambdaMin).toBeGreaterThanOrEqual(raw().jointCorrection.minEigenvalue * (1 - 1e-9));
    approxEqual(model.correction.minEigenvalue, lambdaMin, { rel: 1e-12 }, 'reported λ_min');
    expect(model.correction.maxAbsChange).toBeLessThan(0.05);
  });

  it('with "jointCorrection": "none" a non-PD joint matrix is an InputError naming the file and field', () => {
    const json = raw();
    json.jointCorrection.method = 'none';
    const data = parseSchwartzData(json, 'schwartz.json');
    let error: unknown;
    try {
      personalityModel(loadBigFiveData(), data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file: 'schwartz.json', field: 'jointCorrection' });
    expect((error as InputError).reason.startsWith(message.jointNotPositiveDefinite('').split('(')[0]!)).toBe(true);
  });

  it('uses the assembled matrix as is when it is positive definite (κ = 0.3)', () => {
    const json = raw();
    json.intercorrelation.kappa = 0.3;
    json.jointCorrection.method = 'none';
    const m = personalityModel(loadBigFiveData(), parseSchwartzData(json, 'schwartz.json'));
    expect(m.correction.applied).toBe(false);
    expect(m.correlation).toEqual(m.assembled);
  });

  it('requires 0 < minEigenvalue < λ_min of the Big Five matrix (0.5741), naming the field and the allowed range', () => {
    // λ_min of R_big5 by R eigen() (oracle: big-five-linalg.json).
    const { values } = rFixture<{ values: number[] }>('big-five-linalg.json');
    const bigFiveMin = Math.min(...values);
    approxEqual(bigFiveMin, 0.5741173, { abs: 1e-7 }, 'λ_min(R_big5)');
    const withFloor = (delta: number) => {
      const json = raw();
      json.jointCorrection.minEigenvalue = delta;
      return json;
    };
    // Outside (0, 1): rejected when the file is read.
    for (const delta of [2, 1, 0, -1]) {
      expect(() => parseSchwartzData(withFloor(delta), 's.json')).toThrow(
        new InputError(message.minEigenvalueRange(delta), { file: 's.json', field: 'jointCorrection.minEigenvalue' }).message,
      );
    }
    // In [λ_min(R_big5), 1): rejected when the model is built (it used to zero every trait–value correlation and say converged).
    for (const delta of [0.6, 0.5742]) {
      let error: unknown;
      try {
        personalityModel(loadBigFiveData(), parseSchwartzData(withFloor(delta), 's.json'));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toEqual({ file: 's.json', field: 'jointCorrection.minEigenvalue' });
      expect((error as InputError).reason).toBe(message.minEigenvalueRange(delta, smallestEigenvalue(loadBigFiveData().correlation, 5)));
      expect((error as InputError).reason).toContain('(0, 0.5741)');
    }
    // Just inside the range: accepted, the floor holds and the correction converges.
    const m = personalityModel(loadBigFiveData(), parseSchwartzData(withFloor(0.3), 's.json'));
    expect(m.correction.converged).toBe(true);
    expect(m.correction.minEigenvalue).toBeGreaterThanOrEqual(0.3 * (1 - 1e-9));
  });

  it('rejects kappa outside [0, 1) saying the expected range', () => {
    for (const kappa of [1.5, 1, -0.1]) {
      const json = raw();
      json.intercorrelation.kappa = kappa;
      expect(() => parseSchwartzData(json, 's.json')).toThrow(
        new InputError(message.kappaRange(kappa), { file: 's.json', field: 'intercorrelation.kappa' }).message,
      );
    }
  });

  it('rejects bad schwartz.json fields with the shared messages', () => {
    const cases: [(j: any) => void, string, string][] = [
      [(j) => (j.values[2].name = 'pleasure'), message.unknownName('pleasure', ['hedonism']), 'values[2].name'],
      [(j) => (j.bigFiveCorrelations.published.openness.freedom = 0.2), message.unknownName('freedom', [
        'self-direction', 'stimulation', 'hedonism', 'achievement', 'power', 'security', 'conformity', 'tradition', 'benevolence', 'universalism',
      ]), 'bigFiveCorrelations.published.openness.freedom'],
      [(j) => (j.jointCorrection.method = 'nearPD'), message.unknownCorrection('nearPD'), 'jointCorrection.method'],
      [(j) => (j.bigFiveCorrelations.published.agreeableness.power = -1.4), message.correlationOutOfRange(3, 4, -1.4), 'bigFiveCorrelations.published.agreeableness.power'],
    ];
    for (const [mutate, reason, field] of cases) {
      const json = raw();
      mutate(json);
      expect(() => parseSchwartzData(json, 's.json')).toThrow(new InputError(reason, { file: 's.json', field }).message);
    }
  });
});
