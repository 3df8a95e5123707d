import { aggregationMessage as message, ruleNames, rules } from '@persona/aggregation';
import { afterAll, describe, expect, it } from 'vitest';
import { persona as run, scratch } from './cli-harness.js';

// End-to-end: the built CLI (`npx tsc -b` first), CONTRACTS.md `persona aggregate`.
const work = scratch('aggregate');
afterAll(() => work.cleanup());
const persona = (...args: string[]) => run(['aggregate', ...args], work.dir);
const file = (name: string, data: unknown) => work.write(name, JSON.stringify(data));

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
    expect(out.code).toBe(0);
    const listed = JSON.parse(out.stdout).rules as { name: string; kind: string; definition: string }[];
    expect(listed.map((r) => r.name)).toEqual(ruleNames());
    for (const r of listed) expect(r.definition).toBe(rules[r.name].definition);
    const text = persona('--list');
    expect(text.stdout.trim().split('\n')).toHaveLength(ruleNames().length);
  });

  it('prints one JSON document: Schulze elects Nashville, IRV Knoxville (Wikipedia, Tennessee example)', () => {
    const schulze = persona('--rule', 'schulze', '--profile', tennessee, '--json');
    expect(schulze.code).toBe(0);
    expect(JSON.parse(schulze.stdout)).toMatchObject({ rule: 'schulze', winners: [N], ranking: [[N], [C], [K], [M]] });
    const irv = persona('--rule', 'irv', '--profile', tennessee, '--json');
    expect(JSON.parse(irv.stdout).winners).toEqual([K]);
  });

  it('kemeny: the ranking starts with the tie-broken winner; above 20 candidates it exits 3', () => {
    // Used to fail: winners ["c"] with ranking a > b > c (seed 5), and exit 0 on a heuristic for
    // 21 candidates. Oracle: the 3-cycle's optima by hand (a>b>c, b>c>a, c>a>b).
    const cycle = file('kcycle.json', { candidates: ['a', 'b', 'c'], ballots: [{ ranking: ['a', 'b', 'c'] }, { ranking: ['b', 'c', 'a'] }, { ranking: ['c', 'a', 'b'] }] });
    const doc = JSON.parse(persona('--rule', 'kemeny', '--profile', cycle, '--tiebreak', 'random', '--seed', '5', '--json').stdout);
    const optimum = { a: ['a', 'b', 'c'], b: ['b', 'c', 'a'], c: ['c', 'a', 'b'] }[doc.winners[0] as 'a' | 'b' | 'c'];
    expect(doc.ranking).toEqual(optimum.map((x) => [x]));
    const candidates = Array.from({ length: 21 }, (_, i) => `c${i}`);
    const big = file('k21.json', { candidates, ballots: [{ ranking: candidates }] });
    const out = persona('--rule', 'kemeny', '--profile', big, '--json');
    expect(out.code).toBe(3);
    expect(out.stderr).toBe(`persona: ${message.kemenyNotExact(21, 20)}\n`);
  });

  it('maximal-lottery reports every possible winner; a misspelt ballot key and tied committees are not hidden', () => {
    // Used to fail: winners ["a"], lottery {a: 1} (a and b are symmetric); {"wieght": 2} ran with
    // weight 1; pav --k 1 on {a}, {b} gave [a] silently. Oracles by hand: the maximal lotteries
    // are (t, 1 − t, 0, 0); {a} and {b} both score 1.
    const sym = file('ml-sym.json', { candidates: ['a', 'b', 'c', 'd'], ballots: [{ ranking: ['a', 'b', 'c', 'd'] }, { ranking: ['b', 'a', 'd', 'c'] }] });
    const ml = JSON.parse(persona('--rule', 'maximal-lottery', '--profile', sym, '--json').stdout);
    expect(ml).toMatchObject({ winners: ['a', 'b'], unique: false, lottery: { a: 0.5, b: 0.5, c: 0, d: 0 } });
    const typo = file('typo.json', { candidates: ['a', 'b'], ballots: [{ ranking: ['a'], wieght: 2 }] });
    const bad = persona('--rule', 'borda', '--profile', typo, '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`persona: ${typo}: field "ballots[0].wieght": ${message.unknownBallotKey('wieght', ['ranking', 'approved', 'weight'])}\n`);
    const tie = file('ctie.json', { candidates: ['a', 'b'], ballots: [{ approved: ['a'] }, { approved: ['b'] }] });
    expect(JSON.parse(persona('--rule', 'pav', '--profile', tie, '--k', '1', '--json').stdout)).toMatchObject({
      committee: ['a'],
      unique: false,
      tiedCommittees: [['a'], ['b']],
    });
  });

  it('breaks ties reproducibly with --tiebreak random --seed (byte-identical output)', () => {
    const cycle = file('cycle.json', { candidates: ['a', 'b', 'c'], ballots: [{ ranking: ['a', 'b', 'c'] }, { ranking: ['b', 'c', 'a'] }, { ranking: ['c', 'a', 'b'] }] });
    const first = persona('--rule', 'copeland', '--profile', cycle, '--tiebreak', 'random', '--seed', '7', '--json');
    expect(first.code).toBe(0);
    expect(persona('--rule', 'copeland', '--profile', cycle, '--tiebreak', 'random', '--seed', '7', '--json').stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)).toMatchObject({ tiedWinners: ['a', 'b', 'c'] });
    expect(JSON.parse(first.stdout).winners).toHaveLength(1);
  });

  it('exits 2 naming the file, ballot and field for an unknown candidate', () => {
    const bad = file('bad.json', { candidates: ['a', 'b'], ballots: [{ ranking: ['a'] }, { ranking: ['b', 'x'] }] });
    const out = persona('--rule', 'borda', '--profile', bad, '--json');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`persona: ${bad}: field "ballots[1].ranking": ${message.unknownCandidate('x', ['a', 'b'])}\n`);
  });

  it('exits 2 for a non-positive weight, an empty profile and a ballot with neither ranking nor approved', () => {
    const cases: [unknown, string][] = [
      [{ candidates: ['a'], ballots: [{ ranking: ['a'], weight: 0 }] }, `field "ballots[0].weight": ${message.badWeight(0)}`],
      [{ candidates: ['a'], ballots: [] }, `field "ballots": ${message.emptyProfile()}`],
      [{ candidates: ['a'], ballots: [{ weight: 1 }] }, `field "ballots[0]": ${message.ballotNoContent()}`],
    ];
    cases.forEach(([data, expected], i) => {
      const path = file(`bad-${i}.json`, data);
      const out = persona('--rule', 'plurality', '--profile', path);
      expect(out.code).toBe(2);
      expect(out.stderr).toBe(`persona: ${path}: ${expected}\n`);
    });
  });

  it('exits 2 for an unknown rule (listing the valid ones) and for a committee rule without --k', () => {
    const out = persona('--rule', 'bordaa', '--profile', tennessee);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`persona: field "--rule": ${message.unknownRule('bordaa', ruleNames())}\n`);
    const committee = ruleNames().find((name) => rules[name].kind === 'committee');
    if (committee !== undefined) {
      const noK = persona('--rule', committee, '--profile', tennessee);
      expect(noK.code).toBe(2);
      expect(noK.stderr).toBe(`persona: field "--k": ${message.committeeNeedsK(committee)}\n`);
    }
  });

  it('ranking ballots approve their top k, or their top T with --approval-top (committee rules)', () => {
    // Hand-computed from the definitions (approval-election.ts; PAV score Σ weight·(1 + … + 1/ℓ)).
    const profile = file('top.json', {
      candidates: ['a', 'b', 'c', 'd'],
      ballots: [
        { ranking: ['a', 'd', 'b', 'c'], weight: 3 },
        { ranking: ['b', 'c', 'a', 'd'], weight: 2 },
        { ranking: ['c', 'b', 'd', 'a'], weight: 2 },
      ],
    });
    // Top 1: {a}×3, {b}×2, {c}×2 — {a, b} and {a, c} score 5, the earliest wins.
    const top1 = JSON.parse(persona('--rule', 'pav', '--profile', profile, '--k', '2', '--approval-top', '1', '--json').stdout);
    expect(top1).toMatchObject({ committee: ['a', 'b'], winners: ['a', 'b'] });
    expect(top1.score).toBe(3 + 2);
    // Default top = k = 2: {a, d}×3, {b, c}×4 — one of a/d plus one of b/c scores 3 + 4 = 7 ({b, c}: 6).
    const byDefault = JSON.parse(persona('--rule', 'pav', '--profile', profile, '--k', '2', '--json').stdout);
    expect(byDefault.score).toBe(7);
    expect(byDefault.committee).toEqual(['a', 'b']);
    // Top 3: {a, d, b}×3, {b, c, a}×2, {c, b, d}×2 — {a, b}: 3·1.5 + 2·1.5 + 2 = 9.5 ties {b, d}: 3·1.5 + 2 + 2·1.5;
    // every other pair scores less ({b, c} 9, {a, d} 8.5), so the earliest, {a, b}, wins.
    const top3 = JSON.parse(persona('--rule', 'pav', '--profile', profile, '--k', '2', '--approval-top', '3', '--json').stdout);
    expect(top3).toMatchObject({ committee: ['a', 'b'], score: 9.5 });
    const bad = persona('--rule', 'pav', '--profile', profile, '--k', '2', '--approval-top', '0');
    expect(bad.code).toBe(2);
    const single = persona('--rule', 'borda', '--profile', profile, '--approval-top', '2');
    expect(single.code).toBe(2);
    expect(single.stderr).toBe(`persona: field "--approval-top": ${message.approvalTopNotForRule('borda')}\n`);
  });

  it('with --tiebreak none reports every winner on a fully symmetric profile (a 3-cycle of equal weights)', () => {
    // Oracle: neutrality — rotating a → b → c maps the profile to itself, so every winner is reported
    // (every rule is checked the same way in libs/aggregation registry.test.ts; here one of each kind).
    const cycle = file('symmetric.json', {
      candidates: ['a', 'b', 'c'],
      ballots: [
        { ranking: ['a', 'b', 'c'], weight: 2 },
        { ranking: ['b', 'c', 'a'], weight: 2 },
        { ranking: ['c', 'a', 'b'], weight: 2 },
      ],
    });
    for (const rule of ['schulze', 'kemeny', 'maximal-lottery']) {
      const doc = JSON.parse(persona('--rule', rule, '--profile', cycle, '--json').stdout);
      expect(doc.winners, rule).toEqual(['a', 'b', 'c']);
    }
    // A committee rule's winners are its committee: one committee, ties to the earliest candidates.
    expect(JSON.parse(persona('--rule', 'pav', '--profile', cycle, '--k', '2', '--json').stdout)).toMatchObject({ winners: ['a', 'b'], committee: ['a', 'b'] });
  });

  it('exits 3 with the winners found so far when the ranked-pairs tie search hits its cap', () => {
    // McGarvey's construction of the cyclic tournament on 8 candidates (i beats i+1, i+2, i+3 mod 8)
    // with every margin 2: every pair is tied at the same margin, so the search over tie-breaking
    // orders exceeds RANKED_PAIRS_STATE_CAP (50,000 states, about half a second).
    const m = 8;
    const cands = Array.from({ length: m }, (_, i) => `c${i}`);
    const ballots: { ranking: string[] }[] = [];
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const [x, y] = j - i <= 3 ? [i, j] : [j, i];
        const rest = cands.filter((_, c) => c !== x && c !== y);
        ballots.push({ ranking: [cands[x], cands[y], ...rest] }, { ranking: [...rest.reverse(), cands[x], cands[y]] });
      }
    }
    const out = persona('--rule', 'ranked-pairs', '--profile', file('capped.json', { candidates: cands, ballots }), '--json');
    expect(out.code).toBe(3);
    const doc = JSON.parse(out.stdout);
    expect(doc.tieSearchComplete).toBe(false);
    expect(doc.winners.length).toBeGreaterThan(0);
    expect(out.stderr).toBe(`persona: ${doc.warning}\n`);
    expect(doc.warning).toBe(message.rankedPairsSearchCapped(50_000));
    // A definite answer with a tie-break: exit 0.
    expect(persona('--rule', 'ranked-pairs', '--profile', 'capped.json', '--tiebreak', 'lexicographic', '--json').code).toBe(0);
  });

  it('bucklin gives no support to left-out candidates; irv reports exhausted ballots instead of splitting them', () => {
    // Used to give bucklin winners [a, b] (a 7, b 7) and an irv final tally a 10. Oracles by hand:
    // bucklin a ×3, b>a ×2, c ×2 (7, majority > 3.5): round 2 a 5 → a. irv a>b ×4, b ×3, c ×2, c>b ×1:
    // round 1 a 4, b 3, c 3 → b, c out; round 2 a 4 with 6 exhausted.
    const truncated = file('bucklin.json', { candidates: ['a', 'b', 'c'], ballots: [{ ranking: ['a'], weight: 3 }, { ranking: ['b', 'a'], weight: 2 }, { ranking: ['c'], weight: 2 }] });
    expect(JSON.parse(persona('--rule', 'bucklin', '--profile', truncated, '--json').stdout)).toMatchObject({ winners: ['a'], round: 2, scores: { a: 5, b: 2, c: 2 } });
    const irv = file('irv.json', {
      candidates: ['a', 'b', 'c'],
      ballots: [{ ranking: ['a', 'b'], weight: 4 }, { ranking: ['b'], weight: 3 }, { ranking: ['c'], weight: 2 }, { ranking: ['c', 'b'], weight: 1 }],
    });
    const result = JSON.parse(persona('--rule', 'irv', '--profile', irv, '--json').stdout);
    expect(result.winners).toEqual(['a']);
    expect(result.rounds[1]).toEqual({ tallies: { a: 4 }, eliminated: [], exhausted: 6 });
  });

  it('documents the Bucklin, IRV and ranked-pairs tie-break conventions in --help and --list', () => {
    // rplex: margins c>a 5, a>b 2, b>c 2 (reviewer's example) — lexicographic ranked pairs elects c, not b.
    const help = persona('--help').stdout;
    expect(help).toContain('Zavist–Tideman TBRC');
    expect(help).toContain("a ballot's last level (its left-out candidates) never gains support");
    const list = persona('--list').stdout;
    expect(list).toMatch(/ranked-pairs .*Zavist–Tideman TBRC order of pairs/);
    expect(list).toMatch(/bucklin .*candidates a ballot leaves out .* never gain its support/);
  });

  it('names a missing profile with a library message, reads a BOM, refuses names with surrounding spaces', () => {
    // Used to print Node's raw ENOENT text, to refuse a BOM as invalid JSON and to accept "a" and "a " as two candidates.
    const missing = persona('--rule', 'borda', '--profile', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`persona: nope.json: ${message.profileUnreadable('no such file')}\n`);
    const bom = work.write('bom.json', `\uFEFF${JSON.stringify({ candidates: ['a', 'b'], ballots: [{ ranking: ['b'] }] })}`);
    expect(JSON.parse(persona('--rule', 'plurality', '--profile', bom, '--json').stdout).winners).toEqual(['b']);
    const spaces = file('spaces.json', { candidates: ['a', 'a '], ballots: [{ ranking: ['a'] }] });
    const out = persona('--rule', 'borda', '--profile', spaces);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`persona: ${spaces}: field "candidates": ${message.candidateSpaces('a ')}\n`);
  });
});
