import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregationMessage as message, ruleNames, rules } from '@persona/aggregation';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const persona = (...args: string[]) => spawnSync(process.execPath, [join(root, 'apps/cli/bin/persona.js'), 'aggregate', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'persona-aggregate-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};

const [M, N, C, K] = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
// The Tennessee capital example (Wikipedia "Instant-runoff voting", "Ranked pairs"; 42/26/15/17 %).
const tennessee = file('tennessee.json', {
  candidates: [M, N, C, K],
  ballots: [
    { ranking: [M, N, C, K], weight: 42 },
    { ranking: [N, C, K, M], weight: 26 },
    { ranking: [C, K, N, M], weight: 15 },
    { ranking: [K, C, N, M], weight: 17 },
  ],
});

describe('persona aggregate', () => {
  it('--list prints every rule with its kind and one-line definition', () => {
    const out = persona('--list', '--json');
    expect(out.status).toBe(0);
    const listed = JSON.parse(out.stdout).rules as { name: string; kind: string; definition: string }[];
    expect(listed.map((r) => r.name)).toEqual(ruleNames());
    for (const r of listed) expect(r.definition).toBe(rules[r.name].definition);
    const text = persona('--list');
    expect(text.stdout.trim().split('\n')).toHaveLength(ruleNames().length);
  });

  it('prints one JSON document: Schulze elects Nashville, IRV Knoxville (Wikipedia, Tennessee example)', () => {
    const schulze = persona('--rule', 'schulze', '--profile', tennessee, '--json');
    expect(schulze.status).toBe(0);
    expect(JSON.parse(schulze.stdout)).toMatchObject({ rule: 'schulze', winners: [N], ranking: [[N], [C], [K], [M]] });
    const irv = persona('--rule', 'irv', '--profile', tennessee, '--json');
    expect(JSON.parse(irv.stdout).winners).toEqual([K]);
  });

  it('breaks ties reproducibly with --tiebreak random --seed (byte-identical output)', () => {
    const cycle = file('cycle.json', { candidates: ['a', 'b', 'c'], ballots: [{ ranking: ['a', 'b', 'c'] }, { ranking: ['b', 'c', 'a'] }, { ranking: ['c', 'a', 'b'] }] });
    const first = persona('--rule', 'copeland', '--profile', cycle, '--tiebreak', 'random', '--seed', '7', '--json');
    expect(first.status).toBe(0);
    expect(persona('--rule', 'copeland', '--profile', cycle, '--tiebreak', 'random', '--seed', '7', '--json').stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)).toMatchObject({ tiedWinners: ['a', 'b', 'c'] });
    expect(JSON.parse(first.stdout).winners).toHaveLength(1);
  });

  it('exits 2 naming the file, ballot index and field for an unknown candidate', () => {
    const bad = file('bad.json', { candidates: ['a', 'b'], ballots: [{ ranking: ['a'] }, { ranking: ['b', 'x'] }] });
    const out = persona('--rule', 'borda', '--profile', bad, '--json');
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`persona: ${bad}: record 1: field "ranking": ${message.unknownCandidate('x', ['a', 'b'])}\n`);
  });

  it('exits 2 for a non-positive weight, an empty profile and a ballot with neither ranking nor approved', () => {
    const cases: [unknown, string][] = [
      [{ candidates: ['a'], ballots: [{ ranking: ['a'], weight: 0 }] }, `record 0: field "weight": ${message.badWeight(0)}`],
      [{ candidates: ['a'], ballots: [] }, `field "ballots": ${message.emptyProfile()}`],
      [{ candidates: ['a'], ballots: [{ weight: 1 }] }, `record 0: ${message.ballotNoContent()}`],
    ];
    cases.forEach(([data, expected], i) => {
      const path = file(`bad-${i}.json`, data);
      const out = persona('--rule', 'plurality', '--profile', path);
      expect(out.status).toBe(2);
      expect(out.stderr).toBe(`persona: ${path}: ${expected}\n`);
    });
  });

  it('exits 2 for an unknown rule (listing the valid ones) and for a committee rule without --k', () => {
    const out = persona('--rule', 'bordaa', '--profile', tennessee);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(`persona: field "--rule": ${message.unknownRule('bordaa', ruleNames())}\n`);
    const committee = ruleNames().find((name) => rules[name].kind === 'committee');
    if (committee !== undefined) {
      const noK = persona('--rule', committee, '--profile', tennessee);
      expect(noK.status).toBe(2);
      expect(noK.stderr).toBe(`persona: field "--k": ${message.committeeNeedsK(committee)}\n`);
    }
  });
});
