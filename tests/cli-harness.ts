import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI (run `npx tsc -b` first; `npm test` does). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repoRoot, 'apps/cli/bin/persona.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `persona ARGS` as a child process in `cwd`. */
export function persona(args: readonly string[], cwd: string): CliResult {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/**
 * Runs `persona ARGS` like `persona ARGS | head -c BYTES`: reads the first
 * chunk of stdout, keeps its first `bytes` characters, then closes the pipe
 * while the command is still writing.
 */
export async function personaHead(args: readonly string[], cwd: string, bytes: number): Promise<CliResult> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stdout = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => {
      child.stdout.destroy();
      resolve(chunk.toString('utf8', 0, bytes));
    }),
  );
  return { code: await closed, stdout, stderr };
}

/** A scratch directory with helpers to write input files; remove it with `cleanup()`. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `persona-e2e-${prefix}-`));
  return {
    dir,
    write(name: string, content: string): string {
      writeFileSync(join(dir, name), content);
      return name;
    },
    cleanup(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Relative difference |a − b| / |b| ≤ tol (the one tolerance helper of the e2e tests). */
export function approxEqual(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.abs(b);
}
