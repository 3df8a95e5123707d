import { expect } from 'vitest';
import { InputError } from '@persona/core';

/**
 * The `InputError` that `f` throws, for assertions on its message and
 * location; fails the test when `f` returns, or throws anything else.
 */
export function catchInputError(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** {@link catchInputError} for a promise: the `InputError` it rejects with. */
export async function rejectedInputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}
