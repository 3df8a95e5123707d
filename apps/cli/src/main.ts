import { Command, CommanderError } from 'commander';
import { ExitCode, requestProgress } from './kit.js';
import { register as registerRake } from './commands/rake.js';
import { register as registerSample } from './commands/sample.js';
import { register as registerBt } from './commands/bt.js';
import { register as registerAggregate } from './commands/aggregate.js';
import { register as registerRun } from './commands/run.js';
import { register as registerCheck } from './commands/check.js';
import { register as registerGenerate } from './commands/generate.js';
import { register as registerValidate } from './commands/validate.js';

/** The `persona` command (see CONTRACTS.md for the fixed forms). */
export function buildProgram(): Command {
  const program = new Command('persona')
    .description('PERSONA testbed for pluralistic alignment: census personas, raking, preference aggregation')
    .showHelpAfterError('(run the command with --help for its usage)')
    .option('--progress', 'print short progress lines on stderr (never stdout), as when stderr is a terminal; accepted by every command, before or after its name. Commands that report steps: check; the others accept it and print nothing')
    .configureHelp({ showGlobalOptions: true })
    .hook('preAction', (_program, command) => requestProgress(command.optsWithGlobals<{ progress?: boolean }>().progress === true))
    .exitOverride();
  for (const register of [registerRun, registerRake, registerSample, registerCheck, registerGenerate, registerValidate, registerBt, registerAggregate]) register(program);
  return program;
}

/**
 * A reader that closes the pipe early (`persona rake --json | head -c 100`) makes
 * the next write to stdout fail with EPIPE. That is the reader's choice, not an
 * error of ours: stop writing to that stream, and let the command finish (its
 * output files and exit code are unaffected) without a stack trace. Other stream
 * errors still surface.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = (() => true) as typeof stream.write;
  });
}

async function main(argv: string[]): Promise<void> {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors (already printed by commander) exit 2.
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
      return;
    }
    throw error;
  }
}

await main(process.argv);
