import { checkRepresentativeness, pumsJointTargets } from '@persona/metrics';
import { loadDefaultMargins } from '@persona/census';
import { Rng } from '@persona/core';
const m = loadDefaultMargins();
let t = performance.now();
const pairs = await pumsJointTargets();
console.log('pums joint ms', performance.now() - t, pairs[0].reference);
const rng = Rng.fromSeed(5);
const n = 1000;
const cols: Record<string, string[]> = {};
for (const [name, block] of Object.entries(m.margins)) {
  const keys = Object.keys(block); const vals = Object.values(block); const s = vals.reduce((a, b) => a + b, 0);
  cols[name] = Array.from({ length: n }, () => { let u = rng.next() * s; for (let j = 0; j < keys.length; j++) { u -= vals[j]; if (u < 0) return keys[j]; } return keys[keys.length - 1]; });
}
t = performance.now();
const r = checkRepresentativeness({ columns: cols }, m, { seed: 3, pairs });
console.log('check ms', performance.now() - t);
console.log(JSON.stringify({ ...r, variables: { education: r.variables.education, sex: r.variables.sex } , twoWay: Object.fromEntries(Object.entries(r.twoWay).map(([k, v]) => [k, { tvd: v.tvd, p95: v.noiseTvdP95, chi2: v.chi2, df: v.df, pValue: v.pValue }]))}, null, 1).slice(0, 4000));
