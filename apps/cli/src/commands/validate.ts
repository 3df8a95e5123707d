import type { Command } from 'commander';
import { personasMessage, VALIDATE_FORMATS, validatePersonaFile } from '@persona/personas';
import { action, ExitCode, printJson } from '../kit.js';
import { choiceOption } from '../options.js';

interface ValidateOptions {
  format: string;
  json?: boolean;
}

/** `persona validate FILE`: checks a persona file against the consistency rules. */
export function register(program: Command): void {
  program
    .command('validate')
    .description("check a persona file (ours, or PERSONA's Hugging Face release format) against the consistency rules")
    .argument('<file>', 'persona file: .jsonl or .csv of persona generate, or PERSONA persona strings (.txt blocks, or a "persona" column in .jsonl/.csv/.json)')
    .option('--format <format>', `input format: ${VALIDATE_FORMATS.join(', ')}`, 'auto')
    .option('--json', 'print exactly one JSON document on stdout')
    .addHelpText(
      'after',
      `
Rules: data/personas/rules.json (the PUMS not-applicable universes, income
bounds, education by age, nativity vs citizenship). A rule whose fields a
persona lacks is skipped for it; PERSONA values that map to no PUMS code are
listed under "unrecognised" and left out of the checks. In our .jsonl/.csv, a
census code the 2024 PUMS dictionary does not list (census.SEX = "9") is a
violation of rule "pums-code" naming the field and the code.
Output (--json): { "file", "format", "personas", "rules", "consistent",
  "inconsistent", "byRule", "violations": [ { "rule", "description", "index",
  "id"?, "line"?, "values" } ], "unrecognised": [ { "key", "value", "line" } ] }.
Exit codes: 0 no violation; 3 violations found (the check ran, the file is not
consistent); 2 bad input (unreadable file, wrong format, unknown attribute).`,
    )
    .action(action(async (file: string, options: ValidateOptions) => runValidate(file, options)));
}

async function runValidate(file: string, options: ValidateOptions): Promise<number> {
  const format = choiceOption('--format', options.format, VALIDATE_FORMATS);
  const result = await validatePersonaFile(file, format);
  const consistent = result.violations.length === 0;
  if (options.json) printJson({ ...result, consistent });
  else {
    const lines = result.violations.map((v) => {
      const where = v.line !== undefined ? `line ${v.line}` : `record ${v.index + 1}`;
      const values = Object.entries(v.values)
        .map(([field, value]) => `${field}=${value === null ? 'blank' : value}`)
        .join(', ');
      return `${file}:${where}${v.id !== undefined ? ` (${v.id})` : ''}: ${v.rule}: ${values} — ${v.description}`;
    });
    lines.push(
      consistent
        ? personasMessage.validateClean(result.personas, result.rules)
        : personasMessage.validateViolations(result.violations.length, result.inconsistent, result.personas),
    );
    if (result.unrecognised.length > 0) lines.push(`${result.unrecognised.length} value(s) map to no PUMS code and were not checked (see --json "unrecognised")`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return consistent ? ExitCode.ok : ExitCode.criterionNotMet;
}
