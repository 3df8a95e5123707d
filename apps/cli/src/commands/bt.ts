import { Option, type Command } from 'commander';
import { InputError } from '@persona/core';
import { aggregationMessage, bradleyTerry, MAX_DENSE_ITEMS, readComparisons, type BradleyTerryFit, type BradleyTerryMethod, type TieModel } from '@persona/aggregation';
import { action, ExitCode, numberOption, printJson } from '../kit.js';

interface BtOptions {
  comparisons?: string;
  method?: BradleyTerryMethod;
  ties: TieModel;
  prior?: string;
  orderEffect?: boolean;
  maxIter?: string;
  tol?: string;
  /** false with --no-se (commander's default for a --no- option is true). */
  se?: boolean;
  json?: boolean;
}

/** `persona bt` (CONTRACTS.md): Bradley–Terry strengths from paired comparisons, θ with mean zero. */
export function register(program: Command): void {
  program
    .command('bt')
    .description('Fit a Bradley–Terry model to paired comparisons (log-strengths with mean zero over items)')
    .addHelpText(
      'after',
      `
Output: items, logStrength (θ, mean zero), se (null where not identified or not computed), converged,
iterations, logLik, plus tieParameter/orderEffect (with their se) when fitted.
logLik = Σ count · log P(outcome) at the estimate. It leaves out the binomial (multinomial) coefficients,
so it differs from R's logLik(BTm(...)) of BradleyTerry2 by a constant that depends only on the counts;
θ, the standard errors and the order effect agree with BTm (moved to mean zero).
Without a finite maximum-likelihood estimate (a graph that is not strongly connected; with --ties or
--order-effect, any pattern that only an infinite parameter fits, decided exactly by a linear program)
the command exits 2 naming the diverging items or parameters.
Standard errors need a dense covariance matrix: above ${MAX_DENSE_ITEMS} items the command exits 2 unless --no-se
(se printed as null) is given, since CONTRACTS.md keeps se null for unidentified items only.`,
    )
    .option('--comparisons <FILE>', 'CSV/JSONL with winner,loser[,count] or item_a,item_b,outcome[,count] (outcome a|b|tie)')
    .addOption(new Option('--method <METHOD>', 'newton (default: Newton–CG; dense Newton with --ties or --order-effect), mm (Hunter 2004) or ilsr (Maystre & Grossglauser 2015)').choices(['mm', 'ilsr', 'newton']))
    .addOption(new Option('--ties <MODEL>', 'tie model').choices(['none', 'davidson', 'rao-kupper']).default('none'))
    .option('--prior <VAR>', 'variance of a N(0, VAR) prior on each log-strength (MAP); fits graphs that are not strongly connected')
    .option('--order-effect', 'fit a first-position (home) effect: needs item_a,item_b,outcome input')
    .option('--max-iter <N>', 'iteration cap (default 100 for newton, 100000 for mm and ilsr)')
    .option('--tol <X>', 'convergence: largest score relative to its Fisher information, i.e. the remaining Newton step in log-strength units (default 1e-10)')
    .option('--no-se', `skip the standard errors (printed as null); needed above ${MAX_DENSE_ITEMS} items`)
    .option('--json', 'print exactly one JSON document on stdout')
    .action(
      action(async (options: BtOptions) => {
        if (options.comparisons === undefined) throw new InputError(aggregationMessage.btNeedsComparisons(), { field: '--comparisons' });
        const prior = options.prior === undefined ? undefined : numberOption('--prior', options.prior, (x) => Number.isFinite(x) && x > 0, 'a positive variance');
        const maxIter = options.maxIter === undefined ? undefined : numberOption('--max-iter', options.maxIter, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
        const tol = options.tol === undefined ? undefined : numberOption('--tol', options.tol, (x) => Number.isFinite(x) && x > 0, 'a positive number');
        const comparisons = await readComparisons(options.comparisons);
        if (options.se && comparisons.items.length > MAX_DENSE_ITEMS) {
          throw new InputError(aggregationMessage.btTooManyForSe(comparisons.items.length, MAX_DENSE_ITEMS), { file: options.comparisons, field: '--no-se' });
        }
        let fit: BradleyTerryFit;
        try {
          fit = await bradleyTerry(comparisons, { method: options.method, ties: options.ties, prior, orderEffect: options.orderEffect === true, maxIter, tol, standardErrors: options.se });
        } catch (error) {
          if (error instanceof InputError) throw error.at({ file: options.comparisons });
          throw error;
        }
        const output = btOutput(fit);
        if (options.json) printJson(output);
        else process.stdout.write(formatFit(output));
        if (!fit.converged) {
          process.stderr.write(`persona: ${aggregationMessage.btNotConverged(fit.method, fit.iterations, fit.maxRelativeScore)}\n`);
          return ExitCode.criterionNotMet;
        }
        return ExitCode.ok;
      }),
    );
}

/** The CONTRACTS.md output document (plus method, ties, standard errors of α and the tie parameter, and seOmitted). */
function btOutput(fit: BradleyTerryFit): Record<string, unknown> {
  const byItem = (values: ArrayLike<number> | null) => Object.fromEntries(fit.items.map((item, i) => [item, values ? values[i] : null]));
  return {
    items: fit.items,
    logStrength: byItem(fit.logStrength),
    se: byItem(fit.se),
    ...(fit.seOmitted !== undefined ? { seOmitted: fit.seOmitted } : {}),
    converged: fit.converged,
    iterations: fit.iterations,
    logLik: fit.logLik,
    ...(fit.tieParameter !== undefined ? { tieParameter: fit.tieParameter, tieParameterSe: fit.tieParameterSe } : {}),
    ...(fit.orderEffect !== undefined ? { orderEffect: fit.orderEffect, orderEffectSe: fit.orderEffectSe } : {}),
    method: fit.method,
    ties: fit.ties,
    maxRelativeScore: fit.maxRelativeScore,
  };
}

function formatFit(output: Record<string, unknown>): string {
  const items = output.items as string[];
  const theta = output.logStrength as Record<string, number>;
  const se = output.se as Record<string, number | null>;
  const width = Math.max(4, ...items.map((item) => item.length));
  const lines = [`${'item'.padEnd(width)}  logStrength          se`];
  const order = [...items].sort((x, y) => theta[y] - theta[x]);
  for (const item of order) {
    const s = se[item];
    lines.push(`${item.padEnd(width)}  ${theta[item].toFixed(6).padStart(11)}  ${s === null || !Number.isFinite(s) ? '         NA' : s.toFixed(6).padStart(11)}`);
  }
  if (output.orderEffect !== undefined) lines.push(`order effect: ${(output.orderEffect as number).toFixed(6)}`);
  if (output.tieParameter !== undefined) lines.push(`tie parameter (${String(output.ties)}): ${(output.tieParameter as number).toFixed(6)}`);
  lines.push(`method ${String(output.method)}, ${String(output.iterations)} iterations, converged: ${String(output.converged)}, logLik ${(output.logLik as number).toFixed(6)}`);
  return `${lines.join('\n')}\n`;
}
