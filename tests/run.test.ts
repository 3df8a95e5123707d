import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BALANCING_VARIABLES, DEFAULT_RAKING_VARIABLES, loadDefaultMargins, PUMS_SEED_ROWS, PUMS_SEED_SHA256 } from '@persona/census';
import { approxEqual, persona, scratch, type CliResult } from './cli-harness.js';

const s = scratch('run');
afterAll(() => s.cleanup());

const read = (name: string) => readFileSync(join(s.dir, name));
const text = (name: string) => read(name).toString('utf8');

// One default run (seed 1), read by the tests below.
let run: CliResult;
let manifest: {
  seed: number;
  data: { role: string; file: string; sha256: string }[];
  config: { weighting: { variables: string[] }; sampling: { balance: string[] } };
  results: {
    raking: { converged: boolean; total: number };
    personas: { n: number; sha256: string };
    validation: { violations: number; personas: number };
  };
  outputs: string[];
  timings: { totalMs: number };
};
beforeAll(() => {
  run = persona(['run', '--out-dir', 'out', '--json'], s.dir);
  manifest = JSON.parse(run.stdout) as typeof manifest;
});

describe('persona run', () => {
  it('writes personas.jsonl, metrics.json, report.md, weights.csv and the manifest it prints', () => {
    expect(run.code).toBe(0);
    expect(JSON.parse(text('out/manifest.json'))).toEqual(manifest);
    expect(manifest.seed).toBe(1);
    expect(manifest.outputs).toEqual(['personas.jsonl', 'metrics.json', 'report.md', 'weights.csv', 'manifest.json']);
    // The seed file as recorded in data/census/README.md.
    expect(manifest.data.find((d) => d.role === 'census seed')?.sha256).toBe(PUMS_SEED_SHA256);
    expect(manifest.results.raking.converged).toBe(true);
    expect(manifest.config.weighting.variables).toEqual([...DEFAULT_RAKING_VARIABLES]);
    // The draw is balanced on the raking variables plus disability and health_insurance (not raked on: universe mismatch).
    expect(manifest.config.sampling.balance).toEqual([...DEFAULT_BALANCING_VARIABLES]);
    // The manifest's hash of personas.jsonl is the file's (node:crypto over the bytes on disk).
    expect(manifest.results.personas.sha256).toBe(createHash('sha256').update(read('out/personas.jsonl')).digest('hex'));
  });

  it('generates 1,586 personas whose weights add up to the ACS 2022 population, with no consistency violation', () => {
    const records = text('out/personas.jsonl')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; weight: number; census: Record<string, string | null> });
    expect(records).toHaveLength(1586);
    expect(manifest.results.personas.n).toBe(1586);
    // Oracle: ACS 2022 DP05 total population 333,287,562 (the embedded margins' total).
    const sum = records.reduce((acc, p) => acc + p.weight, 0);
    expect(approxEqual(sum, 333287562, 1e-9)).toBe(true);
    expect(loadDefaultMargins().total).toBe(333287562);
    expect(manifest.results.validation).toMatchObject({ violations: 0, personas: 1586 });
    // persona validate on the file agrees.
    const v = persona(['validate', 'out/personas.jsonl', '--json'], s.dir);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ personas: 1586, violations: [] });
  });

  it('writes the persona check object of the personas: nothing outside the noise band, as persona check finds', () => {
    const metrics = JSON.parse(text('out/metrics.json')) as { n: number; kishEss: number; outsideNoise: string[]; variables: Record<string, unknown> };
    expect(metrics.outsideNoise).toEqual([]);
    expect(metrics.n).toBe(1586);
    // Equal weights: Kish's n_eff = (Σw)² / Σw² = n.
    expect(approxEqual(metrics.kishEss, 1586, 1e-9)).toBe(true);
    // The same object as `persona check` on the written file with the run's seed and weight column.
    const check = persona(['check', '--sample', 'out/personas.jsonl', '--weight', 'weight', '--seed', '1', '--json'], s.dir);
    expect(check.code).toBe(0);
    expect(metrics).toEqual(JSON.parse(check.stdout));
    // report.md: the run summary, then the check report with a row per compared variable.
    const report = text('out/report.md');
    expect(report.startsWith('# persona run (seed 1)\n')).toBe(true);
    expect(report).toContain('- Consistency: 0 violations');
    expect(report).toContain('## Representativeness check');
    for (const name of Object.keys(metrics.variables)) expect(report).toContain(`\n| ${name} | `);
  });

  it('writes the raked frame weights, which add up to the margins total', () => {
    const weights = text('out/weights.csv').trimEnd().split('\n');
    expect(weights[0]).toBe('row,weight');
    expect(weights).toHaveLength(PUMS_SEED_ROWS + 1);
    const sum = weights.slice(1).reduce((acc, line) => acc + Number(line.split(',')[1]), 0);
    expect(approxEqual(sum, manifest.results.raking.total, 1e-6)).toBe(true);
  });

  it('is reproducible: the same seed rewrites byte-identical files, and its personas are persona generate --seed 1', () => {
    const before = ['personas.jsonl', 'metrics.json', 'report.md'].map((name) => read(`out/${name}`));
    const again = persona(['run', '--out-dir', 'out'], s.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3. consistency: 0 violations');
    ['personas.jsonl', 'metrics.json', 'report.md'].forEach((name, i) => expect(read(`out/${name}`).equals(before[i]!), name).toBe(true));
    expect(persona(['generate', '--n', '1586', '--seed', '1', '--out', 'generated.jsonl'], s.dir).code).toBe(0);
    expect(read('generated.jsonl').equals(before[0]!)).toBe(true);
  });
});
