import type { Command } from 'commander';
import { formatOfPath, generatePersonas, loadCensusFrame, PERSONA_FORMATS, personalityCorrection, validatePersonas, writePersonas, type PersonaRecord } from '@persona/personas';
import { loadBigFiveData, loadSchwartzData, personalityModel, type PersonalityModel } from '@persona/traits';
import { action, ExitCode, printJson } from '../kit.js';
import { choiceOption, integerOption, positiveInteger } from '../options.js';
import { checkOutputPath, writingOutput } from '../outputs/output-file.js';

interface GenerateOptions {
  n: string;
  seed: string;
  out: string;
  adultsOnly?: boolean;
  format?: string;
  bigFiveData?: string;
  valuesData?: string;
  json?: boolean;
}

/** `persona generate`: census draw + traits + values + beliefs + idiosyncrasies + text → a persona file. */
export function register(program: Command): void {
  program
    .command('generate')
    .description('generate personas: a balanced census draw of the raked PUMS seed, procedural traits, values, beliefs and quirks, text')
    .requiredOption('--n <n>', 'number of personas (PERSONA: 1586)')
    .requiredOption('--seed <s>', 'seed of every random step (same seed = byte-identical file)')
    .requiredOption('--out <file>', 'output file: .jsonl (default format), .csv, .parquet, or with --format persona-hf .jsonl/.csv/.txt')
    .option('--adults-only', 'draw persons 18 and over only (default: all ages, as PERSONA)')
    .option('--format <format>', `output format: ${PERSONA_FORMATS.join(', ')} (default: from the --out extension)`)
    .option('--big-five-data <file>', 'Big Five parameters in the form of data/traits/big-five.json (default: that embedded file)')
    .option('--values-data <file>', 'Schwartz value parameters in the form of data/traits/schwartz.json (default: that embedded file)')
    .option('--json', 'print exactly one JSON document on stdout')
    .addHelpText(
      'after',
      `
The census rows come from the embedded ACS 2024 PUMS seed (CA/TX rows hot-deck
imputed), raked to the embedded ACS 2022 margins; rows that break a consistency
rule are excluded first. Row k is drawn n·w_k/W times in expectation: the
integer part for certain, the fractional parts by a balanced sample (cube
method) on the margin variables. Every persona's weight is W/n (its
Horvitz–Thompson weight). Formats:
  jsonl       one persona per line: id, weight, census (PUMS codes, null =
              blank), recodes, labels.census, traits, bigFiveLevels, values,
              beliefs, idiosyncrasies, text {attributes, profile}, provenance
  csv         the same fields flattened (census.SEX, traits.openness, …), no labels/provenance
  parquet     the csv columns, typed (weight, traits.*, values.* DOUBLE; census.*
              UTF-8 strings, null = blank; the rest UTF-8 strings), row groups of
              10,000 personas (memory holds one group); see
              libs/personas/src/export/PERSONA_FILES.md
  persona-hf  PERSONA's release form: the attribute block in a "persona" column
              (.jsonl, .csv) or as blank-line separated blocks (.txt)
Trait data: traits and values are drawn jointly from a model built from
data/traits/big-five.json (trait correlations, sex differences, age
trajectories, level cuts) and data/traits/schwartz.json (value circle,
trait–value correlations, age and sex differences, joint correction).
--big-five-data FILE and --values-data FILE replace them with files of the
same form (e.g. tables you have checked against the publications); a file
that does not validate is exit 2 naming the file and field, before anything
is written. Both files are recorded in --json "traitData".
Output (--json): { "n", "seed", "out", "format", "adultsOnly", "weight",
  "populationTotal", "frame": { "rows", "excluded", "raking" }, "draw": { "certain",
  "balancedDraws" }, "traitData": { "bigFive", "values" } (the files given, or
  "embedded"), "personality": { "correction": { "applied", "maxAbsChange",
  "iterations", "converged" } }, "violations" }.
Exit codes: 0 success; 2 bad input; 3 the frame's raking did not converge, the
personality model's nearest-correlation correction did not converge, or a
generated persona broke a consistency rule (the file is still written).`,
    )
    .action(action(async (options: GenerateOptions) => runGenerate(options)));
}

async function runGenerate(options: GenerateOptions): Promise<number> {
  const n = positiveInteger('--n', options.n);
  const seed = integerOption('--seed', options.seed);
  // Without --format the extension picks the format; one it does not know is exit 2 listing every accepted ending.
  const format = options.format === undefined ? formatOfPath(options.out) : choiceOption('--format', options.format, PERSONA_FORMATS);
  await checkOutputPath(options.out, '--out');
  const personality = traitModel(options);
  const frame = await loadCensusFrame();
  const { draw, personas } = generatePersonas(frame, { n, seed, adultsOnly: options.adultsOnly === true, personality });
  let violations = 0;
  const checked: Iterable<PersonaRecord> = {
    *[Symbol.iterator]() {
      for (const record of personas) {
        const census = record.census;
        violations += validatePersonas([{ fields: (field) => censusCode(census[field]) }]).length;
        yield record;
      }
    },
  };
  await writingOutput(options.out, '--out', () => writePersonas(options.out, checked, format));
  const result = {
    n,
    seed,
    out: options.out,
    format,
    adultsOnly: options.adultsOnly === true,
    weight: draw.weight,
    populationTotal: draw.populationTotal,
    frame: { rows: frame.table.rowCount, excluded: frame.excluded.length, raking: frame.raking },
    draw: { certain: draw.certain, balancedDraws: draw.balancedDraws },
    traitData: { bigFive: options.bigFiveData ?? EMBEDDED, values: options.valuesData ?? EMBEDDED },
    personality: { correction: personalityCorrection(personality) },
    violations,
  };
  const personalityConverged = result.personality.correction.converged;
  if (options.json) printJson(result);
  else {
    process.stdout.write(
      `generated ${n} personas (seed ${seed}, ${options.adultsOnly ? 'adults only' : 'all ages'}, weight ${draw.weight.toFixed(1)} each) → ${options.out} (${format})\n` +
        `consistency violations: ${violations}\n` +
        (frame.raking.converged ? '' : 'warning: raking the census frame did not converge (see --json "frame.raking")\n') +
        (personalityConverged ? '' : 'warning: the nearest-correlation correction of the personality model did not converge (see --json "personality.correction")\n'),
    );
  }
  return frame.raking.converged && personalityConverged && violations === 0 ? ExitCode.ok : ExitCode.criterionNotMet;
}

/** How `--json` "traitData" names the embedded data/traits file used when no file is given. */
const EMBEDDED = 'embedded';

/**
 * The personality model of `--big-five-data` and `--values-data` (each
 * defaulting to its embedded file), or undefined when neither is given so that
 * the personas library uses its cached model of the embedded files. A file that
 * does not validate throws the `InputError` of `loadBigFiveData` /
 * `loadSchwartzData` (file and field named → exit 2).
 */
function traitModel(options: GenerateOptions): PersonalityModel | undefined {
  if (options.bigFiveData === undefined && options.valuesData === undefined) return undefined;
  return personalityModel(loadBigFiveData(options.bigFiveData), loadSchwartzData(options.valuesData));
}

/** A census field of a generated record as the rule engine reads it. */
function censusCode(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return /^-?\d+$/.test(value) ? Number(value) : undefined;
}
