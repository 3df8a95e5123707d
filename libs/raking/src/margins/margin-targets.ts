/**
 * Population targets for raking: variable → category → count. Categories are
 * strings compared exactly with the sample's values (`"01"` ≠ `"1"`).
 */
export type MarginTargets = Readonly<Record<string, Readonly<Record<string, number>>>>;
