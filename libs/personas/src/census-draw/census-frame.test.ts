import { DEFAULT_RAKING_VARIABLES, loadDefaultMargins } from '@persona/census';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCensusFrame, type CensusFrame } from './census-frame.js';

let frame: CensusFrame;
beforeAll(async () => {
  frame = await loadCensusFrame();
});

describe('loadCensusFrame', () => {
  it('rakes on the default raking blocks, disability and health insurance included, and converges', () => {
    expect(frame.variables).toEqual([...DEFAULT_RAKING_VARIABLES]);
    expect(frame.variables).toEqual(expect.arrayContaining(['disability', 'health_insurance']));
    expect(frame.raking.converged).toBe(true);
    expect(frame.raking.maxRelError).toBeLessThanOrEqual(1e-6);
  });

  it('gives the frame the ACS 2022 disability (DP02) and health insurance (DP03) counts, out-of-universe code included', () => {
    // Oracle: data/census/acs2022_margins.json (its cells checked against the DP02/DP03 exports in
    // libs/census/test/margins.test.ts); criterion: CONTRACTS.md convergence, |total − target| / target ≤ 1e-6.
    const { margins } = loadDefaultMargins();
    for (const name of ['disability', 'health_insurance']) {
      const totals = new Map<string, number>();
      frame.codes[name]!.forEach((code, row) => totals.set(String(code), (totals.get(String(code)) ?? 0) + frame.weights[row]!));
      for (const [code, target] of Object.entries(margins[name]!)) {
        expect(Math.abs(totals.get(code)! - target) / target, `${name} ${code}`).toBeLessThanOrEqual(1e-6);
      }
    }
  });
});
