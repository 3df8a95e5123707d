/**
 * Every user-facing message of `@persona/core`, in one place so that tests can
 * assert on the same text the user sees.
 */
export const message = {
  unknownColumn: (column: string, available: readonly string[]) =>
    `Unrecognized column: ${column} (the file has: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''})`,
  invalidSeed: (seed: unknown) => `invalid seed: expected a finite integer or a string. Value: \`${String(seed)}\`.`,
};
