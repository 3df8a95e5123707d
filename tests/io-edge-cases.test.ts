import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { censusMessage } from '@persona/census';
import { message as cliMessage } from '../apps/cli/src/messages.js';
import { persona, repoRoot, scratch } from './cli-harness.js';

const bin = join(repoRoot, 'apps/cli/bin/persona.js');

const s = scratch('io');
afterAll(() => s.cleanup());

// A small sample, SEX × AGEGRP with base weights, as CSV and as (gzipped) Parquet holding the same values.
const rows = [
  [1, 1, 1.0], [1, 2, 2.0], [2, 1, 1.5], [2, 2, 1.0], [1, 1, 0.5], [2, 2, 2.5],
] as const;
s.write('sample.csv', 'SEX,AGEGRP,w\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
s.write('margins.json', JSON.stringify({ total: 100, margins: { SEX: { '1': 0.5, '2': 0.5 }, AGEGRP: { '1': 40, '2': 60 } } }));
const parquet = Buffer.from(
  parquetWriteBuffer({
    columnData: [
      { name: 'SEX', data: rows.map((r) => r[0]), type: 'INT32' },
      { name: 'AGEGRP', data: rows.map((r) => r[1]), type: 'INT32' },
      { name: 'w', data: rows.map((r) => r[2]), type: 'DOUBLE' },
    ],
  }),
);
writeFileSync(join(s.dir, 'sample.parquet.gz'), gzipSync(parquet));

const rake = (...args: string[]) => persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'w', ...args], s.dir);
/** The weights CSV `rake --out` writes, computed once to a plain file (the reference for the other targets). */
const reference = (() => {
  expect(rake('--out', 'plain.csv').code).toBe(0);
  return readFileSync(join(s.dir, 'plain.csv'), 'utf8');
})();

// Review finding 2: --out used to replace a symlink, a FIFO or a device node by a regular file.
describe('--out through symlinks and special files', () => {
  it('writes the file a symlink names; the link stays a link', () => {
    mkdirSync(join(s.dir, 'real'));
    writeFileSync(join(s.dir, 'real', 'target.csv'), 'old\n');
    symlinkSync('real/target.csv', join(s.dir, 'link.csv'));
    const r = rake('--out', 'link.csv');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(join(s.dir, 'real', 'target.csv'), 'utf8')).toBe(reference);
    expect(lstatSync(join(s.dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(s.dir, 'link.csv'))).toBe('real/target.csv');
  });

  it('writes into a FIFO (a reader gets the whole CSV; the FIFO stays a FIFO)', async () => {
    execFileSync('mkfifo', [join(s.dir, 'pipe')]);
    // The reader is its own process, so it drains the FIFO while persona (run synchronously) writes.
    const reader = spawn('sh', ['-c', 'cat pipe > from-pipe.csv'], { cwd: s.dir, stdio: 'ignore' });
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const r = rake('--out', 'pipe');
    if (r.code !== 0) reader.kill(); // persona never opened the FIFO: do not wait for a writer that will not come
    await closed;
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(join(s.dir, 'from-pipe.csv'), 'utf8')).toBe(reference);
    expect(lstatSync(join(s.dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('writes to /dev/null in place', () => {
    expect(rake('--out', '/dev/null', '--json').code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  // /dev/fd/1 is /dev/stdout's target on Linux; the tests use it so that a regression cannot replace /dev/stdout itself.
  it('writes standard output to a file the shell redirected to, and refuses --json with it (CONTRACTS: one JSON document on stdout)', () => {
    // `persona rake --out /dev/fd/1 > redirected.txt`: the file is neither replaced (losing what follows) nor reopened at offset 0.
    const fd = openSync(join(s.dir, 'redirected.txt'), 'w');
    const child = spawnSync(process.execPath, [bin, 'rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'w', '--out', '/dev/fd/1'], {
      cwd: s.dir,
      stdio: ['ignore', fd, 'pipe'],
    });
    closeSync(fd);
    expect(child.status).toBe(0);
    expect(readFileSync(join(s.dir, 'redirected.txt'), 'utf8')).toBe(reference);
    expect(child.stderr.toString()).toContain('written: /dev/fd/1 (row,weight)');
    const both = rake('--out', '/dev/fd/1', '--json');
    expect([both.code, both.stdout]).toEqual([2, '']);
    expect(both.stderr).toBe(`persona: /dev/fd/1: field "--out": ${cliMessage.jsonWithStdoutOut()}\n`);
  });

  it('--out /dev/fd/1 without --json: stdout holds only the CSV, the readable summary goes to stderr', () => {
    const toFile = rake('--out', 'summary.csv');
    expect([toFile.code, toFile.stderr]).toEqual([0, '']);
    const r = rake('--out', '/dev/fd/1');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference);
    // The same summary as with --out to a file (which prints it on stdout), naming the stream.
    expect(r.stderr).toBe(toFile.stdout.replace('written: summary.csv', 'written: /dev/fd/1'));
    expect(r.stderr).toContain('written: /dev/fd/1 (row,weight)');
    // Writing the CSV to stderr leaves the summary on stdout.
    const toStderr = rake('--out', '/dev/fd/2');
    expect([toStderr.code, toStderr.stdout, toStderr.stderr]).toEqual([0, toFile.stdout.replace('written: summary.csv', 'written: /dev/fd/2'), reference]);
  });

  it('exits 2 naming --out when a symlink points into a missing directory (checked before raking)', () => {
    symlinkSync('nodir/target.csv', join(s.dir, 'dangling.csv'));
    const r = rake('--out', 'dangling.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^persona: dangling\.csv: field "--out": cannot write the output file \(ENOENT\)/);
    expect(r.stdout).toBe('');
  });
});

// Review finding 12: the --help of rake, sample and check says ".gz allowed" for every format, but .parquet.gz failed.
describe('.parquet.gz samples read as the Parquet file they hold', () => {
  it('rake: the same weights as from the CSV of the same values', () => {
    const fromParquet = persona(['rake', '--sample', 'sample.parquet.gz', '--margins', 'margins.json', '--weight', 'w', '--out', 'pq.csv'], s.dir);
    expect([fromParquet.code, fromParquet.stderr]).toEqual([0, '']);
    expect(readFileSync(join(s.dir, 'pq.csv'), 'utf8')).toBe(reference); // oracle: the CSV run above
  });

  it('check and sample accept it too, with the figures of the CSV', () => {
    const args = ['--margins', 'margins.json', '--weight', 'w', '--noise-draws', '50', '--json'];
    const csv = persona(['check', '--sample', 'sample.csv', ...args], s.dir);
    const pq = persona(['check', '--sample', 'sample.parquet.gz', ...args], s.dir);
    expect([pq.code, pq.stderr]).toEqual([0, '']);
    expect({ ...JSON.parse(pq.stdout), sample: 'sample.csv' }).toEqual(JSON.parse(csv.stdout)); // only the file name differs
    const draw = (file: string) => persona(['sample', '--n', '3', '--seed', '7', '--method', 'srs', '--sample', file, '--json'], s.dir);
    const drawnPq = draw('sample.parquet.gz');
    expect([drawnPq.code, drawnPq.stderr]).toEqual([0, '']);
    expect(JSON.parse(drawnPq.stdout)).toEqual(JSON.parse(draw('sample.csv').stdout));
  });
});

describe('validate reads a gzipped Parquet persona file as the file it holds (its --help says so)', () => {
  it('gives the report of the plain file', () => {
    expect(persona(['generate', '--n', '3', '--seed', '1', '--out', 'personas.parquet'], s.dir).code).toBe(0);
    writeFileSync(join(s.dir, 'personas.parquet.gz'), gzipSync(readFileSync(join(s.dir, 'personas.parquet'))));
    const plain = persona(['validate', 'personas.parquet', '--json'], s.dir);
    const gz = persona(['validate', 'personas.parquet.gz', '--json'], s.dir);
    expect([gz.code, gz.stderr]).toEqual([0, '']);
    expect({ ...JSON.parse(gz.stdout), file: 'personas.parquet' }).toEqual(JSON.parse(plain.stdout)); // only the file name differs
  });
});

// Review finding 9: AGEP = 150 used to become "85 years and over"; AGEP = -5 was blamed on the derived age_group.
describe('AGEP outside the PUMS range', () => {
  it('rake exits 2 naming the file, line and AGEP', () => {
    s.write('ages.csv', 'AGEP\n30\n150\n');
    s.write('age-margins.json', JSON.stringify({ total: 10, margins: { age_group: { '6': 5, '13': 5 } } }));
    const r = persona(['rake', '--sample', 'ages.csv', '--margins', 'age-margins.json'], s.dir);
    expect(r.code).toBe(2);
    // Oracle for the range: the 2024 PUMS data dictionary, AGEP 0..99 (99 top-coded).
    expect(r.stderr).toBe(`persona: ages.csv:3: field "AGEP": ${censusMessage.ageOutsideRange(150, 'age_group')}\n`);
  });
});
