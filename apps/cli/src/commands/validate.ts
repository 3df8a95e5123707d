import type { Command } from 'commander';

/** PLACEHOLDER: replaced by the helper that owns this command. */
export function register(_program: Command): void {}
