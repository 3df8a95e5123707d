import { afterAll, describe, expect, it } from 'vitest';
import { persona, scratch } from './cli-harness.js';

// CONTRACTS.md general rules: progress goes to stderr only when stderr is a terminal or
// `--progress` is given, and `--json` prints exactly one JSON document on stdout. Every
// command accepts `--progress` (a global option of the program), before or after its name.
const s = scratch('progress');
afterAll(() => s.cleanup());

s.write('sample.csv', 'SEX\n1\n1\n2\n');
s.write('margins.json', JSON.stringify({ margins: { SEX: { '1': 0.5, '2': 0.5 } } }));
s.write('comparisons.csv', 'winner,loser\na,b\nb,c\nc,a\na,c\n');
s.write('profile.json', JSON.stringify({ candidates: ['a', 'b'], ballots: [{ ranking: ['a', 'b'], weight: 2 }, { ranking: ['b', 'a'], weight: 1 }] }));

/** One JSON document on stdout: a single line that parses. */
function oneJsonDocument(stdout: string): unknown {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.slice(0, -1).includes('\n')).toBe(false);
  return JSON.parse(stdout);
}

describe('--progress', () => {
  const runs: [string, string[]][] = [
    ['rake', ['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--json']],
    ['check', ['check', '--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '20', '--json']],
    ['bt', ['bt', '--comparisons', 'comparisons.csv', '--json']],
    ['aggregate', ['aggregate', '--rule', 'borda', '--profile', 'profile.json', '--json']],
  ];

  it.each(runs)('%s --json --progress: exit 0 and the same single JSON document as without it', (_name, args) => {
    const plain = persona(args, s.dir);
    expect(plain.code).toBe(0);
    const after = persona([...args, '--progress'], s.dir);
    const before = persona(['--progress', ...args], s.dir);
    for (const r of [after, before]) {
      expect(r.code).toBe(0);
      oneJsonDocument(r.stdout);
      expect(r.stdout).toBe(plain.stdout);
    }
  });

  it('is listed in the help of every command', () => {
    for (const command of ['run', 'rake', 'sample', 'check', 'generate', 'validate', 'bt', 'aggregate']) {
      const help = persona([command, '--help'], s.dir);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Global Options:\n\s+--progress\s+print short progress lines on stderr/);
    }
  });

  it('an unknown option is still a usage error (exit 2)', () => {
    const r = persona(['check', '--sample', 'sample.csv', '--margins', 'margins.json', '--progres'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--progres'");
  });
});
