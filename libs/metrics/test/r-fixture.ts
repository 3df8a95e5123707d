import { readFileSync } from 'node:fs';

/** Reads a committed JSON fixture written by test/fixtures/r/make-fixtures.R. */
export function rFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/r/${name}`, import.meta.url), 'utf8')) as T;
}
