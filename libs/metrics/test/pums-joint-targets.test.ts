import { loadDefaultMargins, recodes } from '@persona/census';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAIRS, checkRepresentativeness, metricsMessage, pumsJointTargets, readTargetShares, type JointTarget } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

describe('pumsJointTargets: joints of the PUMS seed raked to the ACS margins', () => {
  let joints: JointTarget[];
  beforeAll(async () => {
    joints = await pumsJointTargets(DEFAULT_PAIRS);
  });

  it("each joint's one-way margins are the embedded ACS 2022 margins (raking's criterion, 1e-6 per cell)", () => {
    // Oracle: data/census/acs2022_margins.json (ACS DP02/DP03/DP05), read as shares.
    const shares = readTargetShares(loadDefaultMargins()).shares;
    for (const joint of joints) {
      const [a, b] = joint.variables;
      const rows = Object.entries(joint.target).map(([x, block]) => [x, Object.values(block).reduce((s, v) => s + v, 0)] as const);
      const total = rows.reduce((s, [, v]) => s + v, 0);
      for (const [x, sum] of rows) expectApproxEqual(sum / total, shares[a][x], 2e-6, `${a} ${x}`);
      const cols = new Map<string, number>();
      for (const block of Object.values(joint.target)) for (const [y, v] of Object.entries(block)) cols.set(y, (cols.get(y) ?? 0) + v);
      for (const [y, sum] of cols) expectApproxEqual(sum / total, shares[b][y], 2e-6, `${b} ${y}`);
    }
    expect(joints[0].reference).toMatch(/raked to ACS 2022 margins/);
  });

  it('puts no weight on impossible cells: nobody under 25 is in the education universe', () => {
    // age_group codes 1–5 are ages 0–24 (recode age_group); education's universe is 25+.
    const ageEdu = joints.find((j) => j.variables[0] === 'age_group' && j.variables[1] === 'education')!;
    for (const age of ['1', '2', '3', '4', '5']) {
      for (const [edu, v] of Object.entries(ageEdu.target[age])) if (edu !== '0') expect(v, `${age}×${edu}`).toBe(0);
    }
  });

  it('feeds checkRepresentativeness: a sample drawn from the reference joint is within its noise band', () => {
    const sexEmp = joints.find((j) => j.variables[0] === 'sex')!;
    const sex: string[] = [];
    const emp: string[] = [];
    // 2,000 rows laid out by the reference joint's shares (largest remainder), so TVD ≈ 0.
    const cells = Object.entries(sexEmp.target).flatMap(([x, block]) => Object.entries(block).map(([y, v]) => ({ x, y, v })));
    const total = cells.reduce((s, c) => s + c.v, 0);
    for (const c of cells) for (let i = 0; i < Math.round((2000 * c.v) / total); i++) { sex.push(c.x); emp.push(c.y); }
    const { margins } = loadDefaultMargins();
    const r = checkRepresentativeness(
      { columns: { sex, employment_status: emp } },
      { margins: { sex: margins.sex, employment_status: margins.employment_status } },
      { noiseDraws: 200, pairs: [sexEmp] },
    );
    expect(r.twoWay['sex×employment_status'].outsideNoise).toBe(false);
    expect(r.twoWay['sex×employment_status'].tvd).toBeLessThan(0.002);
  });

  it('rejects a variable that is not a census recode', async () => {
    await expect(pumsJointTargets([['sex', 'SEX']])).rejects.toThrow(metricsMessage.pairNotRecode('SEX', Object.keys(recodes)));
    await expect(pumsJointTargets([['sex', 'sex']])).rejects.toThrow(metricsMessage.pairSameVariable('sex'));
  });
});
