import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RAKING_VARIABLES, PUMS_SEED_ROWS, PUMS_SEED_SHA256 } from '@persona/census';
import { approxEqual, persona, scratch } from './cli-harness.js';

const s = scratch('run');
afterAll(() => s.cleanup());

describe('persona run', () => {
  it('rakes the embedded seed, draws 1,586 rows and writes weights, sample and manifest', () => {
    const r = persona(['run', '--out-dir', 'out', '--json'], s.dir);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.stdout);
    expect(JSON.parse(readFileSync(join(s.dir, 'out/manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.seed).toBe(1);
    expect(manifest.data[0].sha256).toBe(PUMS_SEED_SHA256); // the seed file as recorded in data/census/README.md
    expect(manifest.results.raking.converged).toBe(true);
    // The default raking blocks (race_hispanic in place of its margins race_alone, hispanic_origin, race_ethnicity),
    // which the balanced draw balances on too.
    expect(manifest.config.weighting.variables).toEqual([...DEFAULT_RAKING_VARIABLES]);
    expect(Object.keys(manifest.results.sample.balance)).toEqual([...DEFAULT_RAKING_VARIABLES]);

    const weights = readFileSync(join(s.dir, 'out/weights.csv'), 'utf8').trimEnd().split('\n');
    expect(weights[0]).toBe('row,weight');
    expect(weights).toHaveLength(PUMS_SEED_ROWS + 1);
    // The raked weights add up to the margins' population total.
    const sum = weights.slice(1).reduce((acc, line) => acc + Number(line.split(',')[1]), 0);
    expect(approxEqual(sum, manifest.results.raking.total, 1e-6)).toBe(true);

    const sample = readFileSync(join(s.dir, 'out/sample.csv'), 'utf8').trimEnd().split('\n');
    expect(sample).toHaveLength(1586 + 1);
    // The drawn sex counts are the ones the manifest reports (counted here from the file).
    const header = sample[0].split(',');
    const sexColumn = header.indexOf('sex');
    const males = sample.slice(1).filter((line) => line.split(',')[sexColumn] === '1').length;
    expect(males).toBe(manifest.results.sample.balance.sex['1'].sample);
  });
});
