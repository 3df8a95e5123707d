import { Option, type Command } from 'commander';
import { InputError } from '@persona/core';
import { aggregationMessage, getRule, readProfile, ruleNames, rules, runRule, type RuleResult, type TieBreak } from '@persona/aggregation';
import { action, ExitCode, numberOption, printJson } from '../kit.js';

interface AggregateOptions {
  rule?: string;
  profile?: string;
  k?: string;
  approvalTop?: string;
  tiebreak: TieBreak;
  seed: string;
  list?: boolean;
  json?: boolean;
}

/** `persona aggregate` (CONTRACTS.md): a social-choice rule applied to a weighted profile. */
export function register(program: Command): void {
  program
    .command('aggregate')
    .description('Aggregate a weighted preference profile with a social-choice rule (see --list)')
    .option('--rule <RULE>', 'rule name (see --list)')
    .option(
      '--profile <PROFILE.json>',
      'profile: {"candidates": [...], "ballots": [{"ranking": [...] | "approved": [...], "weight": w}]}; a ballot may give both "ranking" (read by ranking rules) and "approved" (read by approval and committee rules); any other key is an error',
    )
    .option('--k <K>', 'committee size (committee rules only)')
    .option(
      '--approval-top <T>',
      'committee rules on ranking ballots: a ballot approves its top T candidates, a tie straddling the cut approved whole (default: T = k); "approved" ballots are used as given',
    )
    .addOption(
      new Option(
        '--tiebreak <MODE>',
        'ties among winners of a single-winner rule: none (report all), lexicographic (earliest in "candidates"), random (seeded); kemeny then gives a ranking headed by the chosen winner. ranked-pairs breaks ties inside the rule instead: equal-margin pairs are locked in the Zavist–Tideman TBRC order of pairs (by the winner\'s position in "candidates" — or in a seeded random order — then the loser\'s), so its lexicographic winner need not be the earliest tied candidate. Committee rules report one committee, ties between committees going to the earliest candidates (exact pav/cc add unique:false and tiedCommittees). Probabilistic rules (maximal-lottery, random-dictator) ignore --tiebreak: winners is the set of candidates that can win',
      )
        .choices(['none', 'lexicographic', 'random'])
        .default('none'),
    )
    .option('--seed <N>', 'seed for every random step', '0')
    .addHelpText(
      'after',
      `
Profile conventions: candidates a ballot leaves out are tied below all it lists (so leaving them out
and listing them as a last tie are the same ballot). bucklin reads this as standard Bucklin on truncated
ballots: a ballot's last level (its left-out candidates) never gains support; irv counts an exhausted
ballot (one ranking none of the remaining candidates above its last level) for no one and reports its
weight per round. ranked-pairs with --tiebreak lexicographic or random orders equal-margin pairs by the
Zavist–Tideman TBRC rule (Social Choice and Welfare 6, 1989), not by "earliest winner".`,
    )
    .option('--list', 'print every rule with a one-line definition')
    .option('--json', 'print exactly one JSON document on stdout')
    .action(
      action(async (options: AggregateOptions) => {
        if (options.list) return listRules(options.json === true);
        if (options.rule === undefined) throw new InputError(aggregationMessage.aggregateNeeds('--rule'), { field: '--rule' });
        if (options.profile === undefined) throw new InputError(aggregationMessage.aggregateNeeds('--profile'), { field: '--profile' });
        const seed = numberOption('--seed', options.seed, Number.isSafeInteger, 'an integer');
        const k = options.k === undefined ? undefined : numberOption('--k', options.k, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
        const approvalTop =
          options.approvalTop === undefined ? undefined : numberOption('--approval-top', options.approvalTop, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
        getRule(options.rule); // an unknown rule fails before the file is read
        const profile = readProfile(options.profile);
        let result: RuleResult;
        try {
          result = await runRule(options.rule, profile, { k, approvalTop, tiebreak: options.tiebreak, seed });
        } catch (error) {
          // A rule that rejects a ballot names it (field "ballots[k]…"); add the file.
          if (error instanceof InputError && error.location.field?.startsWith('ballots[')) throw error.at({ file: options.profile });
          throw error;
        }
        if (options.json) printJson(result);
        else process.stdout.write(formatResult(result));
        if (result.tieSearchComplete === false) {
          process.stderr.write(`persona: ${String(result.warning)}\n`);
          return ExitCode.criterionNotMet;
        }
        return ExitCode.ok;
      }),
    );
}

function listRules(json: boolean): number {
  const list = ruleNames().map((name) => ({ name, kind: rules[name].kind, definition: rules[name].definition }));
  if (json) {
    printJson({ rules: list });
  } else {
    const width = Math.max(...list.map((r) => r.name.length));
    for (const r of list) process.stdout.write(`${r.name.padEnd(width)}  ${r.kind.padEnd(13)}  ${r.definition}\n`);
  }
  return ExitCode.ok;
}

function formatResult(result: RuleResult): string {
  const lines = [`rule: ${result.rule}`, `winners: ${result.winners.join(', ')}`];
  if (result.ranking) lines.push(`ranking: ${result.ranking.map((group) => group.join(' = ')).join(' > ')}`);
  if (result.committee) lines.push(`committee: ${result.committee.join(', ')}`);
  for (const key of ['scores', 'lottery'] as const) {
    const values = result[key];
    if (values) lines.push(`${key}: ${Object.entries(values).map(([name, x]) => `${name} ${x}`).join(', ')}`);
  }
  if (result.condorcetWinner !== undefined) lines.push(`condorcet winner: ${result.condorcetWinner ?? 'none'}`);
  return `${lines.join('\n')}\n`;
}
