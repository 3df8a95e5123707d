import type { Command } from 'commander';
import { PERSONA_INCOME_READINGS, personasMessage, VALIDATE_FORMATS, validatePersonaFile } from '@persona/personas';
import { action, ExitCode, printJson } from '../kit.js';
import { choiceOption } from '../options.js';

interface ValidateOptions {
  format: string;
  personaIncome: string;
  json?: boolean;
}

/** `persona validate FILE`: checks a persona file against the consistency rules. */
export function register(program: Command): void {
  program
    .command('validate')
    .description("check a persona file (ours, or PERSONA's Hugging Face release format) against the consistency rules")
    .argument('<file>', 'persona file: .jsonl, .csv or .parquet of persona generate, or PERSONA persona strings (.txt blocks, a .json array of strings, or a "persona" field in .jsonl/.csv/.json/.parquet); .gz reads as the file it holds')
    .option('--format <format>', `input format: ${VALIDATE_FORMATS.join(', ')}`, 'auto')
    .option(
      '--persona-income <reading>',
      `PERSONA's income read as personal (pincp) or household (hincp) income: ${PERSONA_INCOME_READINGS.join(', ')}`,
      'pincp',
    )
    .option('--json', 'print exactly one JSON document on stdout')
    .addHelpText(
      'after',
      `
Rules: data/personas/rules.json (the PUMS not-applicable universes, variables
that share a universe, recodes against their items, income bounds, education
by age, nativity vs citizenship). Each rule has a kind: "contradiction" (the
persona asserts something the census rules out for that person: an employed
10-year-old, an income of $72,000 at 8) or "universe" (a code where the census
writes N/A, or N/A where it writes a code: a labelling matter, such as a
child's "Non-Veteran" or an income of 0 at 8). A rule whose fields a persona
lacks is skipped for it and counted under "skipped"; the summary says how
many rules applied. Our .jsonl/.csv/.parquet must carry census.AGEP, and the
census values of our .jsonl must be strings, numbers or null (exit 2
otherwise). In our files a census code the 2024 PUMS dictionary does not list
(census.SEX = "9"), or a blank where it has no N/A code (census.SEX = null),
is a violation of rule "pums-code" (kind "code"), and the rules reading that
field are skipped for the persona, so one fault counts once. PERSONA's files:
its words are read as the PUMS codes they name; its income, whose PUMS
variable PERSONA does not document, as personal income (PINCP: a nonzero
income under 15 or a six-figure income under 18 is a contradiction, 0 under
15 a universe matter) or with --persona-income hincp as household income
(HINCP: minors may carry it); -60000.0 is outside both dictionary ranges.
Values that map to no PUMS code are listed under "unrecognised" and not
checked.
A persona is named by its file line, or as "record k" (k from 0, as --json
"index") when its line is unknown.
Output (--json): { "file", "format", "personas", "rules", "rulesApplicable",
  "applied": { rule: personas }, "skipped": { rule: personas }, "consistent",
  "inconsistent", "inconsistentByKind": { kind: personas }, "byRule",
  "byKind": { "contradiction", "universe", "code" }, "violations": [ { "rule",
  "kind", "description", "index", "id"?, "line"?, "values" } ],
  "unrecognised": [ { "key", "value", "index", "line"?, "reason" } ] }.
Exit codes: 0 no violation; 3 violations found (the check ran, the file is not
consistent); 2 bad input (unreadable file, wrong format, no persona in the
file, unknown attribute, our format without census.AGEP, no rule applicable to
any persona).`,
    )
    .action(action(async (file: string, options: ValidateOptions) => runValidate(file, options)));
}

async function runValidate(file: string, options: ValidateOptions): Promise<number> {
  const format = choiceOption('--format', options.format, VALIDATE_FORMATS);
  const personaIncome = choiceOption('--persona-income', options.personaIncome, PERSONA_INCOME_READINGS);
  const result = await validatePersonaFile(file, format, personaIncome);
  const consistent = result.violations.length === 0;
  if (options.json) printJson({ ...result, consistent });
  else {
    const lines = result.violations.map((v) => {
      const where = v.line !== undefined ? `line ${v.line}` : `record ${v.index}`;
      const values = Object.entries(v.values)
        .map(([field, value]) => `${field}=${value === null ? 'blank' : value}`)
        .join(', ');
      return `${file}:${where}${v.id !== undefined ? ` (${v.id})` : ''}: ${v.rule} [${v.kind}]: ${values} — ${v.description}`;
    });
    if (consistent) lines.push(personasMessage.validateClean(result.personas, result.rulesApplicable, result.rules));
    else {
      lines.push(personasMessage.validateViolations(result.violations.length, result.inconsistent, result.personas, result.byKind));
      lines.push(personasMessage.rulesApplicable(result.rulesApplicable, result.rules));
    }
    if (result.unrecognised.length > 0) lines.push(personasMessage.validateUnrecognised(result.unrecognised.length));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return consistent ? ExitCode.ok : ExitCode.criterionNotMet;
}
