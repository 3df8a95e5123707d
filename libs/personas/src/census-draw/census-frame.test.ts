import { DEFAULT_BALANCING_VARIABLES, DEFAULT_RAKING_VARIABLES, loadDefaultMargins } from '@persona/census';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCensusFrame, type CensusFrame } from './census-frame.js';

let frame: CensusFrame;
beforeAll(async () => {
  frame = await loadCensusFrame();
});

describe('loadCensusFrame', () => {
  it('rakes on the default raking blocks, balances on them plus disability and health insurance, and converges', () => {
    expect(frame.variables).toEqual([...DEFAULT_RAKING_VARIABLES]);
    expect(frame.variables).not.toContain('disability');
    expect(frame.variables).not.toContain('health_insurance');
    expect(frame.balancingVariables).toEqual([...DEFAULT_BALANCING_VARIABLES]);
    expect(frame.balancingVariables).toEqual(expect.arrayContaining(['disability', 'health_insurance']));
    expect(frame.raking.converged).toBe(true);
    expect(frame.raking.maxRelError).toBeLessThanOrEqual(1e-6);
  });

  it('keeps the group-quarters rows at their seed share (disability and health insurance, whose code 0 holds them, are not raked on)', () => {
    // Oracle: the seed's own base weights (PWGTP) and the 2024 PUMS dictionary (SERIALNO "…GQ…" = group-quarters
    // person). Raking on the demographic blocks moves the group-quarters share a little (age, sex, …); raking on
    // disability/health insurance pulled it to well under half (their margins' code 0 is 1.49% of the population,
    // the institutionalized and Armed Forces, while the recodes' code 0 holds every group-quarters person).
    const serial = frame.table.text('SERIALNO').values;
    const pwgtp = frame.table.int('PWGTP').values;
    let base = 0;
    let baseGq = 0;
    let raked = 0;
    let rakedGq = 0;
    for (let row = 0; row < frame.table.rowCount; row++) {
      const gq = serial[row]!.includes('GQ');
      base += pwgtp[row]!;
      baseGq += gq ? pwgtp[row]! : 0;
      raked += frame.weights[row]!;
      rakedGq += gq ? frame.weights[row]! : 0;
    }
    const seedShare = baseGq / base;
    expect(Math.abs(rakedGq / raked - seedShare) / seedShare).toBeLessThan(0.1);
  });

  it('gives disability (DP02) and health insurance (DP03) in-universe shares within the SRS noise band of 1,586 personas', () => {
    // Oracle: data/census/acs2022_margins.json (DP02 with a disability, DP03 no health insurance coverage, of the
    // civilian noninstitutionalized population; code 0 dropped) and the closed-form normal approximation of the P95
    // of |p̂ − p| for a simple random sample of 1,586: 1.96 √(p (1 − p) / 1586). The frame's universe is the civilian
    // household population (data/census/README.md), so its shares differ from the published ones, but by less.
    const { margins } = loadDefaultMargins();
    for (const [name, code] of [['disability', '1'], ['health_insurance', '2']] as const) {
      const block = margins[name]!;
      const published = block[code]! / (block['1']! + block['2']!);
      let inside = 0;
      let hit = 0;
      frame.codes[name]!.forEach((c, row) => {
        if (c === 0) return;
        inside += frame.weights[row]!;
        hit += String(c) === code ? frame.weights[row]! : 0;
      });
      const band = 1.96 * Math.sqrt((published * (1 - published)) / 1586);
      expect(Math.abs(hit / inside - published), name).toBeLessThan(band);
    }
  });
});
