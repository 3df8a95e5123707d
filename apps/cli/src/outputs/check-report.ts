import { recodes } from '@persona/census';
import type { VariableCheck } from '@persona/metrics';
import type { CheckRun } from '../commands/check.js';

/** Fixed decimals, for shares and distances. */
const fixed = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
/** Four significant digits, for test statistics and sizes. */
const sig = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : 'n/a');
/** A p-value: four decimals, scientific below 1e-4, `<1e-300` where the tail underflows. */
const pValue = (p: number) => (!Number.isFinite(p) ? 'n/a' : p < 1e-300 ? '<1e-300' : p < 1e-4 ? p.toExponential(1) : p.toFixed(4));

function headline(run: CheckRun): string[] {
  const r = run.result;
  const lines = [
    `sample: ${run.sample} (${run.kind === 'persona-strings' ? 'PERSONA persona strings, ' : ''}n ${r.n}, Kish ESS ${sig(r.kishEss)}, deff ${sig(r.deff)})`,
    `margins: ${run.margins}`,
  ];
  if (run.personas !== undefined) lines.push(`personas: ${run.personas.read} read, ${run.personas.compared} compared (the others have an unmapped value)`);
  if (run.derived.length > 0) lines.push(`derived from PUMS columns: ${run.derived.join(', ')}`);
  if (run.skipped.length > 0) lines.push(`skipped (not in the sample): ${run.skipped.join(', ')}`);
  lines.push(
    `mean TVD ${fixed(r.meanTvd)}; outside the noise band (95th percentile of ${r.noiseDraws} seeded draws, seed ${r.seed}): ${
      r.outsideNoise.length > 0 ? r.outsideNoise.join(', ') : 'none'
    }`,
  );
  return lines;
}

function tableRows(variables: Readonly<Record<string, VariableCheck>>): string[][] {
  return Object.entries(variables).map(([name, v]) => [
    name,
    fixed(v.tvd),
    sig(v.chi2),
    String(v.df),
    pValue(v.pValue),
    fixed(v.noiseTvdP95),
    v.outsideNoise ? 'OUTSIDE NOISE' : '',
  ]);
}

/** The readable report of `persona check` without `--json`: a headline and a fixed-width table per variable. */
export function checkTable(run: CheckRun): string {
  const header = ['variable', 'TVD', 'chi2', 'df', 'p', 'noise p95', 'flag'];
  const sections: string[][][] = [[header, ...tableRows(run.result.variables)]];
  if (Object.keys(run.result.twoWay).length > 0) sections.push([['pair', ...header.slice(1)], ...tableRows(run.result.twoWay)]);
  const out = [...headline(run), ''];
  for (const rows of sections) {
    const widths = header.map((_, j) => Math.max(...rows.map((row) => row[j].length)));
    for (const row of rows) out.push(row.map((cell, j) => (j === 0 || j === row.length - 1 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ').trimEnd());
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** The category's label when the variable is a `@persona/census` recode. */
function label(variable: string, category: string): string {
  return Object.hasOwn(recodes, variable) ? (recodes[variable].categories[category] ?? '') : '';
}

function markdownVariables(title: string, variables: Readonly<Record<string, VariableCheck>>): string[] {
  const lines = [
    `| ${title} | TVD | Hellinger | χ² | df | p | noise p95 | outside noise |`,
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const [name, v] of Object.entries(variables)) {
    lines.push(
      `| ${escapeCell(name)} | ${fixed(v.tvd)} | ${fixed(v.hellinger)} | ${sig(v.chi2)} | ${v.df} | ${pValue(v.pValue)} | ${fixed(v.noiseTvdP95)} | ${v.outsideNoise ? 'yes' : 'no'} |`,
    );
  }
  return lines;
}

/** The `--out report.md` report: a summary table, then one table of shares per variable (for papers). */
export function checkMarkdown(run: CheckRun): string {
  const r = run.result;
  const lines = ['# Representativeness check', '', ...headline(run).map((line) => `- ${line}`), '', ...markdownVariables('Variable', r.variables)];
  if (Object.keys(r.twoWay).length > 0) lines.push('', ...markdownVariables('Pair', r.twoWay));
  for (const [name, v] of Object.entries(r.variables)) {
    lines.push('', `## ${escapeCell(name)}`, '', '| Category | Label | Sample | Target | Difference |', '|---|---|---:|---:|---:|');
    for (const [category, c] of Object.entries(v.categories)) {
      lines.push(`| ${escapeCell(category)} | ${escapeCell(label(name, category))} | ${fixed(c.sample)} | ${fixed(c.target)} | ${fixed(c.sample - c.target)} |`);
    }
    if (v.notInUniverse !== null) {
      lines.push('', `Outside the universe (${v.notInUniverse.categories.join(', ')}): sample ${fixed(v.notInUniverse.sample)}, target ${fixed(v.notInUniverse.target)} — not compared.`);
    }
  }
  return `${lines.join('\n')}\n`;
}
