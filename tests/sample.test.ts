import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { message as cliMessage } from '../apps/cli/src/messages.js';
import { approxEqual, persona, scratch } from './cli-harness.js';

const s = scratch('sample');
afterAll(() => s.cleanup());

// A population of 60 rows: SEX cycles 1,2; AGEGRP cycles 1,2,3 (so every combination appears 10 times).
const population = 'id,SEX,AGEGRP\n' + Array.from({ length: 60 }, (_, i) => `${i},${1 + (i % 2)},${1 + (i % 3)}`).join('\n') + '\n';
s.write('pop.csv', population);
const margins = { margins: { SEX: { '1': 0.4, '2': 0.6 }, AGEGRP: { '1': 0.5, '2': 0.3, '3': 0.2 } } };
s.write('margins.json', JSON.stringify(margins));

interface SampleOutput {
  n: number;
  method: string;
  seed: number;
  rows: number[];
  balance: Record<string, Record<string, { expected: number; sample: number }>>;
  raking: { converged: boolean };
}

describe('persona sample', () => {
  it('balanced: n distinct rows whose category counts are the reported ones, expected = n × margin share', () => {
    const args = ['sample', '--n', '20', '--seed', '7', '--sample', 'pop.csv', '--margins', 'margins.json', '--out', 'drawn.csv', '--json'];
    const r = persona(args, s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SampleOutput;
    expect(out.method).toBe('balanced');
    expect(out.raking.converged).toBe(true);
    expect(out.rows).toHaveLength(20);
    expect(new Set(out.rows).size).toBe(20);
    // The --out file holds exactly those rows, with the population columns.
    const lines = readFileSync(join(s.dir, 'drawn.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('row,id,SEX,AGEGRP');
    const drawn = lines.slice(1).map((l) => l.split(','));
    expect(drawn.map((f) => Number(f[0]))).toEqual(out.rows);
    expect(drawn.every((f) => f[0] === f[1])).toBe(true); // row index = id in this population
    // The reported drawn counts are the counts of the drawn rows' categories (counted here independently).
    for (const [variable, column] of [['SEX', 2], ['AGEGRP', 3]] as const) {
      for (const [category, cell] of Object.entries(out.balance[variable])) {
        expect(drawn.filter((f) => f[column] === category).length).toBe(cell.sample);
        // Oracle: the margins file — raked weights give category c the share in the file, so E[count] = n × share.
        const share = (margins.margins[variable] as Record<string, number>)[category];
        expect(approxEqual(cell.expected, 20 * share, 1e-6)).toBe(true);
        // Balanced sampling (cube method, 1 + 1 + 2 balancing constraints): drawn counts within the landing's rounding.
        expect(Math.abs(cell.sample - cell.expected)).toBeLessThan(4);
      }
    }
    // Same inputs and seed: byte-identical output.
    const again = persona(args, s.dir);
    expect(again.stdout).toBe(r.stdout);
  });

  it('with-replacement can draw more rows than the population; stratified needs --strata (exit 2)', () => {
    const r = persona(['sample', '--n', '100', '--seed', '1', '--sample', 'pop.csv', '--method', 'with-replacement', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SampleOutput;
    expect(out.rows).toHaveLength(100); // more than the 60 rows: repeats are possible only with replacement
    expect(out.rows.every((i) => Number.isInteger(i) && i >= 0 && i < 60)).toBe(true);
    const bad = persona(['sample', '--n', '5', '--seed', '1', '--sample', 'pop.csv', '--method', 'stratified'], s.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(cliMessage.strataRequired());
  });
});
