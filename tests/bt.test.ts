import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregationMessage } from '@persona/aggregation';
import { afterAll, describe, expect, it } from 'vitest';
import { approxEqual, persona as run, repoRoot, scratch } from './cli-harness.js';

// End-to-end: the built CLI (`npx tsc -b` first), CONTRACTS.md `persona bt`.
const fixtures = join(repoRoot, 'libs/aggregation/test/fixtures/r-bt');
const work = scratch('bt');
afterAll(() => work.cleanup());
const persona = (...args: string[]) => run(args, work.dir);
const file = (name: string, text: string) => work.write(name, text);
function relClose(actual: number, expected: number, tol: number): void {
  expect(approxEqual(actual, expected, tol), `value ${actual}, expected ${expected}, tolerance ${tol}`).toBe(true);
}

describe('persona bt', () => {
  it('fits the citations data as BradleyTerry2 does (winner,loser,count CSV)', () => {
    // oracle: R BradleyTerry2 BTm on citations, moved to mean zero (make-fixtures.R → citations.json)
    const ref = JSON.parse(readFileSync(join(fixtures, 'citations.json'), 'utf8'));
    const csv = file('citations.csv', `winner,loser,count\n${ref.comparisons.map((r: any) => `${r.winner},${r.loser},${r.count}`).join('\n')}\n`);
    const out = persona('bt', '--comparisons', csv, '--json');
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.items).toEqual(['Biometrika', 'Comm Statist', 'JASA', 'JRSS-B']);
    expect(doc.converged).toBe(true);
    for (const item of doc.items) {
      relClose(doc.logStrength[item], ref.logStrength[item], 1e-8);
      relClose(doc.se[item], ref.se[item], 1e-6);
    }
    relClose(doc.logLik, ref.logLik, 1e-10);
    expect(doc.tieParameter).toBeUndefined();
  });

  it('fits the home advantage with --order-effect (item_a,item_b,outcome)', () => {
    // oracle: BTm(~ team + at.home) on BradleyTerry2's baseball (baseball.json): at.home 0.3023
    const ref = JSON.parse(readFileSync(join(fixtures, 'baseball.json'), 'utf8'));
    const csv = file('baseball.csv', `item_a,item_b,outcome,count\n${ref.comparisons.map((r: any) => `${r.item_a},${r.item_b},${r.outcome},${r.count}`).join('\n')}\n`);
    const doc = JSON.parse(persona('bt', '--comparisons', csv, '--order-effect', '--json').stdout);
    relClose(doc.orderEffect, ref.withOrderEffect.orderEffect, 1e-8);
    relClose(doc.logStrength.Milwaukee, ref.withOrderEffect.logStrength.Milwaukee, 1e-8);
  });

  it('exits 2 naming the groups when the graph is not strongly connected; --prior fits it with null se', () => {
    const csv = file('chain.csv', 'winner,loser\na,b\nb,c\nc,b\n');
    const out = persona('bt', '--comparisons', csv, '--json');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`persona: ${csv}: ${aggregationMessage.btNotStronglyConnected([['a'], ['b', 'c']])}\n`);
    const withPrior = persona('bt', '--comparisons', csv, '--prior', '1', '--json');
    expect(withPrior.code).toBe(0);
    expect(JSON.parse(withPrior.stdout).se).toEqual({ a: null, b: null, c: null });
  });

  it('names the file line of a bad count after quoted line breaks shifted the rows', () => {
    // Lines: 1 header, 2-3 row 0 (winner "a⏎b"), 4 row 1, 5-6 row 2 (loser "a⏎b" again), 7 row 3 (count x).
    const csv = file('quoted.csv', 'winner,loser,count\n"a\nb",c,1\nc,d,1\nd,"a\nb",2\nc,d,x\n');
    const out = persona('bt', '--comparisons', csv);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`persona: ${csv}:7: field "count": ${aggregationMessage.btBadCount('x')}\n`);
  });

  it('exits 2 with file, line and field for a bad outcome, and for a bad --prior', () => {
    const csv = file('bad.csv', 'item_a,item_b,outcome\nx,y,a\nx,y,win\n');
    const out = persona('bt', '--comparisons', csv, '--json');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`persona: ${csv}:3: field "outcome": ${aggregationMessage.btBadOutcome('win')}\n`);
    expect(persona('bt', '--comparisons', csv, '--prior', '-1').code).toBe(2);
  });

  it('exits 3 and still prints the result when the iterations run out', () => {
    const csv = file('small.csv', 'winner,loser,count\na,b,3\nb,a,1\nb,c,2\nc,b,2\nc,a,1\na,c,2\n');
    const out = persona('bt', '--comparisons', csv, '--method', 'mm', '--max-iter', '2', '--json');
    expect(out.code).toBe(3);
    const doc = JSON.parse(out.stdout);
    expect(doc.converged).toBe(false);
    expect(doc.iterations).toBe(2);
    const noSe = JSON.parse(persona('bt', '--comparisons', csv, '--no-se', '--json').stdout);
    expect(noSe.se).toEqual({ a: null, b: null, c: null });
    expect(noSe.converged).toBe(true);
  });

  it('fits Davidson ties from JSONL with --ties davidson (two-item closed form ν = t/√(wl))', () => {
    const jsonl = file('ties.jsonl', ['a', 'a', 'a', 'b', 'tie', 'tie'].map((o) => JSON.stringify({ item_a: 'x', item_b: 'y', outcome: o })).join('\n'));
    const doc = JSON.parse(persona('bt', '--comparisons', jsonl, '--ties', 'davidson', '--json').stdout);
    relClose(doc.tieParameter, 2 / Math.sqrt(3), 1e-9);
    relClose(doc.logStrength.x, 0.5 * Math.log(3), 1e-9);
  });

  it('exits 2 with "no maximum-likelihood estimate" when ties or an order effect diverge', () => {
    // Used to fail: these printed θ ±43, ν 2.2e9 (and α 64.6) with converged: true, exit 0.
    // oracle: R optim on the Davidson likelihood finds no finite maximum (the supremum is
    // approached only as θ and ν → ∞); the order-effect data are fitted perfectly as α → ∞.
    const ties = file('tdiv.csv', 'item_a,item_b,outcome\na,b,a\nb,a,tie\nb,c,b\nc,a,a\na,c,tie\n');
    const out = persona('bt', '--comparisons', ties, '--ties', 'davidson', '--json');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(new RegExp(`^persona: ${ties.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no maximum-likelihood estimate: `));
    expect(out.stderr).toContain('--prior VAR');
    const home = file('odiv.csv', 'item_a,item_b,outcome\na,b,a\nb,a,a\nb,c,a\nc,b,a\nc,a,a\na,c,b\n');
    const oe = persona('bt', '--comparisons', home, '--order-effect', '--json');
    expect(oe.code).toBe(2);
    expect(oe.stderr).toContain(aggregationMessage.btDivergingOrderEffect(true));
  });

  it('exits 2 when the first-listed side always wins (--order-effect), without suggesting --prior', () => {
    // Used to print "orderEffect": 23.2029, "orderEffectSe": 44603, converged: true, exit 0 (counts 1, 10, 100).
    // oracle: closed form, ℓ = 6·log σ(α) for any θ rises to 0 only as α → ∞; a prior on θ leaves α free.
    const home = file('always-first.csv', 'item_a,item_b,outcome,count\na,b,a,3\nb,a,a,3\n');
    const want = `persona: ${home}: ${aggregationMessage.btNoMaximum([aggregationMessage.btDivergingOrderEffect(true)], false)}\n`;
    for (const extra of [[], ['--prior', '1'], ['--tol', '1e-13']]) {
      const out = persona('bt', '--comparisons', home, '--order-effect', ...extra, '--json');
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toBe(want);
    }
  });

  it('exits 2 when an item never loses but ties (--ties davidson and rao-kupper)', () => {
    // Used to print θ = ±11.55, ν = 34727, converged: true. oracle: closed form — with 2 items the Davidson
    // log-likelihood 3h + s − 4 log(e^h + e^{−h} + e^s) approaches its supremum −2.24934 only as h → ∞.
    const onlyTies = file('only-ties.csv', 'item_a,item_b,outcome,count\na,b,a,3\na,b,tie,1\n');
    for (const [model, symbol] of [['davidson', 'ν'], ['rao-kupper', 'η']]) {
      const out = persona('bt', '--comparisons', onlyTies, '--ties', model, '--json');
      expect(out.code).toBe(2);
      expect(out.stderr).toBe(
        `persona: ${onlyTies}: ${aggregationMessage.btNoMaximum([aggregationMessage.btDivergingStrengths([['a'], ['b']]), aggregationMessage.btDivergingTie(symbol)], true)}\n`,
      );
      expect(persona('bt', '--comparisons', onlyTies, '--ties', model, '--prior', '1', '--json').code).toBe(0);
    }
  });

  it('returns a finite MLE however extreme: 10¹² wins against 1 (closed form log 10¹²)', () => {
    // Used to print a spread of 23.20 with converged: true. oracle: θa − θb = log(w/l), se = ½ √(1/w + 1/l).
    const extreme = file('extreme.csv', 'winner,loser,count\na,b,1e12\nb,a,1\n');
    const out = persona('bt', '--comparisons', extreme, '--json');
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.converged).toBe(true);
    relClose(doc.logStrength.a - doc.logStrength.b, Math.log(1e12), 1e-11);
    relClose(doc.se.a, 0.5 * Math.sqrt(1 + 1e-12), 1e-9);
  });

  it('refuses unknown columns and keys with a hint, and null or non-decimal counts', () => {
    // Used to pass silently: `winner,loser,Count` with 7 and 3 gave θ = 0, and JSONL `"count": null` counted 1.
    const cased = file('Count.csv', 'winner,loser,Count\na,b,7\nb,a,3\n');
    const out = persona('bt', '--comparisons', cased, '--json');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`persona: ${cased}:1: field "Count": ${aggregationMessage.btUnknownColumn('column', 'Count', ['winner', 'loser', 'count'], 'count')}\n`);
    expect(out.stderr).toContain('did you mean count?');
    const nul = file('null.jsonl', '{"winner":"a","loser":"b","count":7}\n{"winner":"b","loser":"a","count":null}\n');
    expect(persona('bt', '--comparisons', nul).stderr).toBe(`persona: ${nul}:2: field "count": ${aggregationMessage.btBlankCount()}\n`);
    const hex = file('hex.csv', 'winner,loser,count\na,b,0x10\nb,a,1\n');
    expect(persona('bt', '--comparisons', hex).stderr).toBe(`persona: ${hex}:2: field "count": ${aggregationMessage.btBadCount('0x10')}\n`);
  });

  it('above 4000 items exits 2 asking for --no-se (CONTRACTS: se null only where unidentified), and fits with --no-se', () => {
    // oracle: a ring where each item beats and loses to its neighbour once is symmetric, so θ = 0.
    const n = 4001;
    const rows = Array.from({ length: n }, (_, i) => `i${i},i${(i + 1) % n}\ni${(i + 1) % n},i${i}`);
    const ring = file('ring.csv', `winner,loser\n${rows.join('\n')}\n`);
    const refused = persona('bt', '--comparisons', ring, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`persona: ${ring}: field "--no-se": ${aggregationMessage.btTooManyForSe(n, 4000)}\n`);
    const out = persona('bt', '--comparisons', ring, '--no-se', '--json');
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const doc = JSON.parse(out.stdout);
    expect(Object.values(doc.se).every((s) => s === null)).toBe(true);
    expect(Math.max(...Object.values(doc.logStrength as Record<string, number>).map(Math.abs))).toBeLessThan(1e-9);
  });

  it('says in --help that logLik omits the binomial constants of R logLik(BTm)', () => {
    const help = persona('bt', '--help').stdout;
    expect(help).toContain("differs from R's logLik(BTm(...))");
    expect(help).toContain('binomial');
  });
});
