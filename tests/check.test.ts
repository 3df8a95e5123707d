import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricsMessage } from '@persona/metrics';
import { PERSONA_RECODES, personasMessage } from '@persona/personas';
import { message as cliMessage } from '../apps/cli/src/messages.js';
import { approxEqual, persona, repoRoot, scratch } from './cli-harness.js';

const s = scratch('check');
afterAll(() => s.cleanup());

// A hand-made sample of 10 rows: SEX 6 × "1", 4 × "2"; AGEGRP 5 × "a", 3 × "b", 2 × "c".
const sex = ['1', '1', '1', '1', '1', '1', '2', '2', '2', '2'];
const age = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c'];
s.write('sample.csv', 'SEX,AGEGRP\n' + sex.map((x, i) => `${x},${age[i]}`).join('\n') + '\n');
// Targets: SEX as shares (0.5, 0.5), AGEGRP as counts (400, 400, 200 → 0.4, 0.4, 0.2).
s.write('margins.json', JSON.stringify({ margins: { SEX: { '1': 0.5, '2': 0.5 }, AGEGRP: { a: 400, b: 400, c: 200 } } }));

interface CheckOutput {
  n: number;
  kishEss: number;
  meanTvd: number;
  outsideNoise: string[];
  variables: Record<string, { tvd: number; chi2: number; df: number; pValue: number; noiseTvdP95: number; categories: Record<string, { sample: number; target: number }>; notInUniverse?: unknown }>;
  derived?: string[];
  personas?: { read: number; compared: number };
  unmapped?: { attribute: string; value: string; count: number; reason: string }[];
  skipped?: string[];
}

const check = (args: string[]) => persona(['check', ...args], s.dir);

describe('persona check', () => {
  it('exits 2 naming --out when its directory does not exist', () => {
    // Regression: the atomic writer's ENOENT used to escape as a stack trace with exit 1.
    const r = check(['--sample', 'sample.csv', '--margins', 'margins.json', '--out', 'nodir/report.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`persona: nodir/report.md: field "--out": ${cliMessage.outputUnwritable('ENOENT')}\n`);
  });

  it('prints hand-computable distances and tests in the readable table', () => {
    const r = check(['--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '200']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    // Closed forms: TVD(SEX) = ½(|.6−.5| + |.4−.5|) = 0.1; chi2 = n Σ (p−q)²/q = 10 (.01/.5 + .01/.5) = 0.4, df 1;
    // TVD(AGEGRP) = ½(.1 + .1 + 0) = 0.1; chi2 = 10 (.01/.4 + .01/.4) = 0.5, df 2.
    // p-values confirmed in R: pchisq(0.4, 1, lower.tail = FALSE) = 0.5270893; pchisq(0.5, 2, lower.tail = FALSE) = exp(-0.25) = 0.7788008.
    expect(rows.find((l) => l.startsWith('SEX '))).toMatch(/^SEX\s+0\.1000\s+0\.4\s+1\s+0\.5271\s+\d\.\d{4}$/);
    expect(rows.find((l) => l.startsWith('AGEGRP '))).toMatch(/^AGEGRP\s+0\.1000\s+0\.5\s+2\s+0\.7788\s+\d\.\d{4}$/);
    expect(rows.find((l) => l.startsWith('mean TVD'))).toMatch(/^mean TVD 0\.1000;/);
  });

  it('--json gives the CONTRACTS.md document with the same figures', () => {
    const r = check(['--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '200', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.n).toBe(10);
    expect(out.kishEss).toBe(10);
    expect(approxEqual(out.variables.SEX.tvd, 0.1, 1e-12)).toBe(true);
    expect(approxEqual(out.variables.SEX.chi2, 0.4, 1e-12)).toBe(true);
    expect(approxEqual(out.variables.SEX.pValue, 0.5270892569, 1e-8)).toBe(true); // R pchisq
    expect(approxEqual(out.variables.AGEGRP.pValue, Math.exp(-0.25), 1e-12)).toBe(true); // df 2: exp(−x/2)
    expect(out.variables.AGEGRP.categories.b).toEqual(expect.objectContaining({ sample: 0.3, target: 0.4 }));
  });

  it('is byte-identical for the same seed, and the noise band moves with the seed', () => {
    const args = ['--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '300', '--json'];
    const a = check([...args, '--seed', '7']);
    const b = check([...args, '--seed', '7']);
    const c = check([...args, '--seed', '8']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('--out writes a Markdown report with a row per variable and per category', () => {
    const r = check(['--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '200', '--out', 'report.md']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(s.dir, 'report.md'), 'utf8');
    expect(md).toContain('| Variable | TVD | Hellinger | χ² | df | p | noise p95 | outside noise |');
    expect(md).toMatch(/\| SEX \| 0\.1000 \| \d\.\d{4} \| 0\.4 \| 1 \| 0\.5271 \| \d\.\d{4} \| (yes|no) \|/);
    expect(md).toContain('## AGEGRP');
    expect(md).toContain('| b |  | 0.3000 | 0.4000 | -0.1000 |');
  });

  it('reads a persona .jsonl with weights and derives the census recodes from its PUMS fields', () => {
    const people = [
      { id: 0, weight: 3, census: { SEX: '1', AGEP: '30' } },
      { id: 1, weight: 1, census: { SEX: '2', AGEP: '40' } },
      { id: 2, weight: 2, census: { SEX: '2', AGEP: '70' } },
      { id: 3, weight: 2, census: { SEX: '1', AGEP: '8' } },
    ];
    s.write('personas.jsonl', people.map((p) => JSON.stringify(p)).join('\n') + '\n');
    s.write('recode-margins.json', JSON.stringify({ margins: { sex: { '1': 0.5, '2': 0.5 }, age_group: { '2': 1, '6': 1, '7': 1, '11': 1 } } }));
    const r = check(['--sample', 'personas.jsonl', '--margins', 'recode-margins.json', '--weight', 'weight', '--noise-draws', '100', '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.derived).toEqual(['sex', 'age_group']);
    // Weighted shares by hand: male (3 + 2)/8 = 0.625; DP05 groups 25–34 (6): 3/8, 35–44 (7): 1/8, 65–74 (11): 2/8, 5–9 (2): 2/8.
    expect(approxEqual(out.variables.sex.tvd, 0.125, 1e-12)).toBe(true);
    expect(approxEqual(out.variables.age_group.tvd, 0.125, 1e-12)).toBe(true);
    // Kish ESS = (Σw)²/Σw² = 64/18; chi2 = ESS · Σ (p − q)²/q = 64/18 · 0.0625.
    expect(approxEqual(out.kishEss, 64 / 18, 1e-12)).toBe(true);
    expect(approxEqual(out.variables.sex.chi2, (64 / 18) * 0.0625, 1e-12)).toBe(true);
  });

  it('--pairs adds two-way checks of derived recodes against the weighted PUMS seed', () => {
    const r = check(['--sample', 'personas.jsonl', '--margins', 'recode-margins.json', '--weight', 'weight', '--noise-draws', '100', '--pairs', 'sex:age_group', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput & { twoWay: Record<string, { categories: Record<string, { sample: number; target: number }> }> };
    const joint = out.twoWay['sex×age_group'].categories;
    // Weighted joint shares by hand: male 25–34 (weight 3 of 8), female 35–44 (1/8), female 65–74 (2/8), male 5–9 (2/8).
    expect(approxEqual(joint['1×6'].sample, 3 / 8, 1e-12)).toBe(true);
    expect(approxEqual(joint['2×11'].sample, 2 / 8, 1e-12)).toBe(true);
    expect(joint['2×6'].sample).toBe(0);
    const targetSum = Object.values(joint).reduce((a, c) => a + c.target, 0);
    expect(approxEqual(targetSum, 1, 1e-9)).toBe(true); // the reference joint is a distribution
  });

  it('reads PERSONA persona strings, reports what it could not map, and skips what they lack', () => {
    s.write(
      'strings.txt',
      'age: 44\nsex: Female\neducation: Doctorate degree\nmarital status: Divorced\n\nage: 31\nsex: Male\neducation: Wizardry\nmarital status: Married\n\nage: 12\nsex: Male\neducation: Grade 6\nmarital status: Never married or under 15 years old\n',
    );
    s.write(
      'edu-margins.json',
      JSON.stringify({ margins: { sex: { '1': 0.5, '2': 0.5 }, education: { '0': 10, '6': 45, '7': 45 } }, notInUniverse: { education: '0' } }),
    );
    const r = check(['--sample', 'strings.txt', '--margins', 'edu-margins.json', '--noise-draws', '100', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.personas).toEqual({ read: 3, compared: 2 });
    expect(out.unmapped).toEqual([{ attribute: 'education', value: 'Wizardry', count: 1, reason: 'unrecognised' }]);
    expect(r.stderr).toContain(metricsMessage.unmappedLine('education', 'Wizardry', 1, 'unrecognised'));
    // Compared: the 44-year-old woman (Doctorate → Graduate, 7) and the 12-year-old boy (outside the 25+ universe).
    expect(out.variables.education.categories['7'].sample).toBe(1);
    expect(out.variables.sex.categories['1'].sample).toBe(0.5);
  });

  it('keeps category "0" of a user margins file unless the file declares it not in universe', () => {
    // Used to fail: education "0" was dropped from a user's own margins as the census
    // not-in-universe code, so df was 1, not CONTRACTS' categories − 1 = 2.
    // Oracle: closed form — 4 rows, education 0,0,6,7 vs targets 0.25/0.25/0.5: shares 0.5, 0.25, 0.25.
    s.write('edu-own.csv', 'education\n0\n0\n6\n7\n');
    s.write('edu-own.json', JSON.stringify({ margins: { education: { '0': 25, '6': 25, '7': 50 } } }));
    const whole = JSON.parse(check(['--sample', 'edu-own.csv', '--margins', 'edu-own.json', '--noise-draws', '100', '--json']).stdout) as CheckOutput;
    expect(whole.variables.education.df).toBe(2);
    expect(whole.variables.education.categories['0'].sample).toBe(0.5);
    expect(whole.variables.education.notInUniverse).toBeNull();
    s.write('edu-niu.json', JSON.stringify({ margins: { education: { '0': 25, '6': 25, '7': 50 } }, notInUniverse: { education: ['0'] } }));
    const within = JSON.parse(check(['--sample', 'edu-own.csv', '--margins', 'edu-niu.json', '--noise-draws', '100', '--json']).stdout) as CheckOutput;
    expect(within.variables.education.df).toBe(1);
    expect(within.variables.education.categories['6'].sample).toBe(0.5);
    s.write('edu-bad.json', JSON.stringify({ margins: { education: { '0': 25, '6': 25, '7': 50 } }, notInUniverse: { education: 0 } }));
    const bad = check(['--sample', 'edu-own.csv', '--margins', 'edu-bad.json', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(metricsMessage.universeFieldInvalid());
  });

  it('checks made-up persona strings against the embedded ACS margins, skipping what they cannot carry', () => {
    const fixture = join(repoRoot, 'libs/personas/src/persona-hf/fixtures/made-up-personas.txt');
    const r = check(['--sample', fixture, '--noise-draws', '100', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.skipped).toEqual(['hispanic_origin', 'race_ethnicity', 'race_hispanic', 'census_region']);
    expect(r.stderr).toContain(metricsMessage.skippedVariables(['hispanic_origin', 'race_ethnicity', 'race_hispanic', 'census_region'], true));
    // Personas 2 ("Student") and 4 (N/A employment at 67, "Klingon", no veteran status) have unknown categories.
    expect(out.personas).toEqual({ read: 4, compared: 2 });
    expect(out.unmapped!.map((u) => `${u.attribute}=${u.value}`)).toEqual([
      'employment status=Student',
      'employment_status=Not applicable',
      'household language=Klingon',
      'veteran_status=(missing)',
    ]);
    // The two compared: a 52-year-old man and a 7-year-old boy → sex all male; age groups 45–54 and 5–9.
    expect(out.variables.sex.categories['1'].sample).toBe(1);
    expect(out.variables.age_group.categories['8'].sample).toBe(0.5);
  });

  it('--fail-outside-noise exits 3 when a variable is outside its noise band, and still prints', () => {
    s.write('skewed.csv', 'SEX\n' + '1\n'.repeat(400));
    s.write('sex-margins.json', JSON.stringify({ margins: { SEX: { '1': 0.5, '2': 0.5 } } }));
    const args = ['--sample', 'skewed.csv', '--margins', 'sex-margins.json', '--noise-draws', '200', '--json'];
    const plain = check(args);
    expect(plain.code).toBe(0);
    const failing = check([...args, '--fail-outside-noise']);
    expect(failing.code).toBe(3);
    expect((JSON.parse(failing.stdout) as CheckOutput).outsideNoise).toEqual(['SEX']);
  });

  describe('bad input → exit 2 with one clear message', () => {
    it('unknown variable', () => {
      s.write('foo-margins.json', JSON.stringify({ margins: { SEX: { '1': 0.5, '2': 0.5 }, FOO: { x: 1 } } }));
      const r = check(['--sample', 'sample.csv', '--margins', 'foo-margins.json']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(metricsMessage.variableNotInSample('FOO', ['SEX', 'AGEGRP']));
    });

    it('category outside the margins', () => {
      s.write('sex3.csv', 'SEX,AGEGRP\n1,a\n3,b\n');
      const r = check(['--sample', 'sex3.csv', '--margins', 'margins.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`sex3.csv:3: field "SEX": ${metricsMessage.categoryWithoutTarget('SEX', '3', 1, 1, ['1', '2'], undefined)}`);
    });

    it('names the file line after a quoted line break shifted the rows (a category, a weight, a persona string)', () => {
      // Lines: 1 header, 2-3 row 0 (note "two⏎lines"), 4 row 1, 5 row 2 (the bad value).
      s.write('q-cat.csv', 'note,SEX,AGEGRP\n"two\nlines",1,a\nx,2,b\ny,3,c\n');
      const cat = check(['--sample', 'q-cat.csv', '--margins', 'margins.json']);
      expect(cat.code).toBe(2);
      expect(cat.stderr).toBe(`persona: q-cat.csv:5: field "SEX": ${metricsMessage.categoryWithoutTarget('SEX', '3', 2, 1, ['1', '2'], undefined)}\n`);
      s.write('q-w.csv', 'note,SEX,AGEGRP,w\n"two\nlines",1,a,1\nx,2,b,1\ny,1,c,-1\n');
      const w = check(['--sample', 'q-w.csv', '--margins', 'margins.json', '--weight', 'w']);
      expect(w.code).toBe(2);
      expect(w.stderr).toBe(`persona: q-w.csv:5: field "w": ${metricsMessage.weightInvalid(2, -1)}\n`);
      // Persona strings: lines 1 header, 2-3 persona 0, 4-5 persona 1 (starting on line 4, its second line malformed).
      s.write('q-personas.csv', 'persona\n"age: 40\nsex: Male"\n"age: 33\nsex Female"\n');
      const p = check(['--sample', 'q-personas.csv']);
      expect(p.code).toBe(2);
      expect(p.stderr).toBe(`persona: q-personas.csv:4: field "persona": ${personasMessage.personaLineMalformed(2, 'sex Female')}\n`);
    });

    it('empty sample', () => {
      s.write('empty.csv', 'SEX,AGEGRP\n');
      const r = check(['--sample', 'empty.csv', '--margins', 'margins.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`empty.csv: ${metricsMessage.emptySample()}`);
    });

    it('all-zero weights', () => {
      s.write('zero.csv', 'SEX,AGEGRP,w\n1,a,0\n2,b,0\n');
      const r = check(['--sample', 'zero.csv', '--margins', 'margins.json', '--weight', 'w']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(metricsMessage.weightsAllZero());
    });

    it('a margin variable persona strings cannot carry, and a malformed --pairs', () => {
      s.write('hisp-margins.json', JSON.stringify({ margins: { sex: { '1': 0.5, '2': 0.5 }, hispanic_origin: { '1': 0.2, '2': 0.8 } } }));
      s.write('one-persona.txt', 'age: 50\nsex: Female\n');
      const r = check(['--sample', 'one-persona.txt', '--margins', 'hisp-margins.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(metricsMessage.variableNotDerivable('hispanic_origin', PERSONA_RECODES));
      const p = check(['--sample', 'sample.csv', '--margins', 'margins.json', '--pairs', 'SEX']);
      expect(p.code).toBe(2);
      expect(p.stderr).toContain(metricsMessage.pairsInvalid('SEX'));
    });

    it('malformed persona block (file line)', () => {
      s.write('broken.txt', 'age: 40\nsex: Male\n\nage: 33\nsex Female\n');
      const r = check(['--sample', 'broken.txt']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`persona: broken.txt:5: ${personasMessage.personaLineMalformed(2, 'sex Female')}\n`);
    });
  });

  it('--help shows the form, the input kinds and the exit codes', () => {
    const r = check(['--help']);
    expect(r.code).toBe(0);
    for (const text of ['--sample <file>', '--margins <file>', '--weight <col>', '--noise-draws <n>', '--seed <n>', '--pairs', '--out', '--json', '--fail-outside-noise', 'Exit codes']) {
      expect(r.stdout).toContain(text);
    }
    // The documented conventions: df over the categories with a positive target, replicate-weight SEs, --progress.
    for (const text of ['df = categories with a positive target − 1', '--replicate-weights <prefix>', '--no-replicate-weights', '"sdr"', '"linearised"', '--progress']) {
      expect(r.stdout).toContain(text);
    }
  });

  it('--json --progress: exit 0, exactly one JSON document on stdout, the progress lines on stderr', () => {
    const r = check(['--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '100', '--json', '--progress']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((JSON.parse(r.stdout) as CheckOutput).n).toBe(10);
    expect(r.stderr).toContain(`persona: ${metricsMessage.progressReading('sample.csv')}\n`);
    expect(r.stderr).toContain(`persona: ${metricsMessage.progressComparing(2, 100, 'linearised')}\n`);
    // Before the command name it is the same flag; without it (stderr not a terminal) nothing is written.
    const before = persona(['--progress', 'check', '--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '100', '--json'], s.dir);
    expect(before.stdout).toBe(r.stdout);
    expect(before.stderr).toContain(metricsMessage.progressReading('sample.csv'));
    expect(check(['--sample', 'sample.csv', '--margins', 'margins.json', '--noise-draws', '100', '--json']).stderr).toBe('');
  });

  it('top-level deff counts the nonzero weights, as weights.deff', () => {
    // Closed form for w = 1, 2, 0, 0, 1, 2: Σw = 6, Σw² = 10, Kish ESS 3.6; 4 nonzero weights → deff 4/3.6 = 10/9.
    s.write('zeros.csv', 'SEX,w\n1,1\n2,2\n1,0\n2,0\n1,1\n2,2\n');
    s.write('sex-half.json', JSON.stringify({ margins: { SEX: { '1': 0.5, '2': 0.5 } } }));
    const r = check(['--sample', 'zeros.csv', '--margins', 'sex-half.json', '--weight', 'w', '--noise-draws', '50', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput & { deff: number; weights: { deff: number; kishEss: number } };
    expect(out.n).toBe(6);
    expect(approxEqual(out.kishEss, 3.6, 1e-12)).toBe(true);
    expect(approxEqual(out.deff, 10 / 9, 1e-12)).toBe(true);
    expect(out.deff).toBe(out.weights.deff);
  });

  it('a zero-target category: df counts the categories with a positive target (chi2 has no term for it)', () => {
    // Closed form: SEX 1,1,1,2 against (0.5, 0.5, 0): p = (0.75, 0.25, 0); X² = 4 (0.25²/0.5 · 2) = 1 on 2 − 1 = 1 df,
    // p-value = pchisq(1, 1, lower.tail = FALSE) = 2 (1 − Φ(1)) = 0.3173105078629141 (R).
    s.write('sex4.csv', 'SEX\n1\n1\n1\n2\n');
    s.write('sex-zero.json', JSON.stringify({ margins: { SEX: { '1': 0.5, '2': 0.5, '3': 0 } } }));
    const out = JSON.parse(check(['--sample', 'sex4.csv', '--margins', 'sex-zero.json', '--noise-draws', '50', '--json']).stdout) as CheckOutput;
    const v = out.variables.SEX;
    expect(v.df).toBe(1);
    expect(approxEqual(v.chi2, 1, 1e-12)).toBe(true);
    expect(approxEqual(v.pValue, 0.3173105078629141, 1e-10)).toBe(true);
    expect(v.categories['3']).toEqual(expect.objectContaining({ sample: 0, target: 0 }));
  });

  it('a table sample missing embedded-margin variables is not told about persona strings', () => {
    s.write('sex-only.csv', 'sex\n1\n2\n');
    const r = check(['--sample', 'sex-only.csv', '--noise-draws', '50', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.skipped!.length).toBeGreaterThan(0);
    expect(r.stderr).toBe(`${metricsMessage.skippedVariables(out.skipped!, false)}\n`);
    expect(r.stderr).not.toContain('PERSONA');
  });

  describe('standard errors from successive-difference replicate weights', () => {
    // Oracle: R svymean(~cat, subset(svrepdesign(weights = ~w, repweights = "r[0-9]+", type = "successive-difference",
    // mse = TRUE), cat != "0")) → libs/metrics/test/fixtures/r/sdr-shares.json (make-fixtures.R), R = 8 replicates.
    const f = JSON.parse(readFileSync(join(repoRoot, 'libs/metrics/test/fixtures/r/sdr-shares.json'), 'utf8')) as {
      w: number[]; cat: string[]; replicates: number[][]; names: string[]; share: number[]; se: number[];
    };
    const R = f.replicates.length;
    const table = (weight: string, prefix: string) =>
      [`cat,${weight},${f.replicates.map((_, r) => `${prefix}${r + 1}`).join(',')}`, ...f.cat.map((c, i) => [c, f.w[i], ...f.replicates.map((rep) => rep[i])].join(','))].join('\n') + '\n';
    s.write('acs.csv', table('PWGTP', 'PWGTP'));
    s.write('named.csv', table('w', 'r'));
    s.write('cat-margins.json', JSON.stringify({ margins: { cat: { a: 0.35, b: 0.3, c: 0.2, '0': 0.15 } }, notInUniverse: { cat: '0' } }));
    type SdrOutput = CheckOutput & { seMethod: string; replicateWeights?: { prefix: string; count: number; scale: number }; variables: Record<string, { categories: Record<string, { se: number }> }> };
    const run = (args: string[]) => check(['--margins', 'cat-margins.json', '--noise-draws', '50', '--json', ...args]);
    const expectR = (out: SdrOutput) =>
      f.names.forEach((name, i) => {
        expect(approxEqual(out.variables.cat.categories[name].sample, f.share[i], 1e-12)).toBe(true);
        expect(approxEqual(out.variables.cat.categories[name].se, f.se[i], 1e-9)).toBe(true);
      });

    it('--weight PWGTP with PWGTP1..PWGTPR present: "sdr", as R survey', () => {
      const r = run(['--sample', 'acs.csv', '--weight', 'PWGTP']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as SdrOutput;
      expect(out.seMethod).toBe('sdr');
      expect(out.replicateWeights).toEqual({ prefix: 'PWGTP', count: R, scale: 4 / R });
      expectR(out);
    });

    it('--replicate-weights PREFIX names other columns; --no-replicate-weights gives linearised errors', () => {
      const named = JSON.parse(run(['--sample', 'named.csv', '--weight', 'w', '--replicate-weights', 'r']).stdout) as SdrOutput;
      expect(named.seMethod).toBe('sdr');
      expectR(named);
      // Without the option, "w1", "w2", … do not exist: linearised.
      expect((JSON.parse(run(['--sample', 'named.csv', '--weight', 'w']).stdout) as SdrOutput).seMethod).toBe('linearised');
      const off = JSON.parse(run(['--sample', 'acs.csv', '--weight', 'PWGTP', '--no-replicate-weights']).stdout) as SdrOutput;
      expect(off.seMethod).toBe('linearised');
      expect(off.replicateWeights).toBeUndefined();
      expect(approxEqual(off.variables.cat.categories.a.se, f.se[0], 1e-3)).toBe(false);
    });

    it('bad input: --replicate-weights without --weight, or without such columns → exit 2', () => {
      const noWeight = run(['--sample', 'named.csv', '--replicate-weights', 'r']);
      expect(noWeight.code).toBe(2);
      expect(noWeight.stderr).toBe(`persona: field "--replicate-weights": ${metricsMessage.replicateWeightsNeedWeight('r')}\n`);
      const missing = run(['--sample', 'named.csv', '--weight', 'w', '--replicate-weights', 'zz']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`persona: named.csv: field "--replicate-weights": ${metricsMessage.replicateWeightsMissing('zz', 0)}\n`);
    });
  });
});
