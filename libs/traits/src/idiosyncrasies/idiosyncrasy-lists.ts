import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { arrayAt, displayPath, numberAt, objectAt, readJsonFile, stringAt } from '../survey-tables/read-json.js';
import { codesAt, isRuleKey, parseEligibilityRule, type EligibilityRule, type FlagDefinition } from './eligibility-rule.js';

/** The five curated lists, by the key used in results (file names in `LIST_FILES`). */
export const IDIOSYNCRASY_CATEGORIES = ['quirks', 'mannerisms', 'hobbies', 'lifestyle', 'personalTime'] as const;
export type IdiosyncrasyCategory = (typeof IDIOSYNCRASY_CATEGORIES)[number];

/** File of each list under data/traits/lists/. */
export const LIST_FILES: Readonly<Record<IdiosyncrasyCategory, string>> = {
  quirks: 'quirks.json',
  mannerisms: 'mannerisms.json',
  hobbies: 'hobbies.json',
  lifestyle: 'lifestyle.json',
  personalTime: 'personal-time.json',
};

/** Every list must hold at least this many entries (issue #4). */
export const MIN_LIST_ENTRIES = 150;

/** data/traits/lists/, resolved from this module (works from src/ and dist/). */
export const listsDirectory = new URL('../../../../data/traits/lists/', import.meta.url);

/** One curated entry: its id, its text and who may carry it. */
export interface IdiosyncrasyEntry {
  readonly id: string;
  readonly text: string;
  /** Relative sampling weight among the eligible entries (default 1). */
  readonly weight: number;
  readonly rule: EligibilityRule;
}

/** The five lists, validated. */
export type IdiosyncrasyLists = Readonly<Record<IdiosyncrasyCategory, readonly IdiosyncrasyEntry[]>>;

const ENTRY_KEYS = ['id', 'text', 'weight'];

/**
 * Parses rules.json: `flags` maps a flag name to `{ "variable": "ESR", "codes": ["1", …] }`.
 * @throws {InputError} naming the file and field.
 */
export function parseRuleVocabulary(json: unknown, file: string): Record<string, FlagDefinition> {
  const flags = objectAt(objectAt(json, file, '(root)').flags, file, 'flags');
  const out: Record<string, FlagDefinition> = {};
  for (const [name, value] of Object.entries(flags)) {
    const flag = objectAt(value, file, `flags.${name}`);
    const variable = stringAt(flag.variable, file, `flags.${name}.variable`);
    out[name] = { variable, codes: codesAt(flag.codes, variable, file, `flags.${name}.codes`) };
  }
  return out;
}

/**
 * Parses one list file: `{ "category": "quirks", "entries": [ { "id", "text",
 * "minAge"?, "maxAge"?, "requires"?, "excludes"?, "weight"? } ] }`; checks
 * the category, at least {@link MIN_LIST_ENTRIES} entries, unique ids and texts
 * and that every rule parses.
 * @throws {InputError} naming the file and the field (e.g. `entries[12].requires.DPHY`).
 */
export function parseIdiosyncrasyList(
  json: unknown,
  category: IdiosyncrasyCategory,
  flags: Readonly<Record<string, FlagDefinition>>,
  file: string,
): IdiosyncrasyEntry[] {
  const root = objectAt(json, file, '(root)');
  if (root.category !== category) throw new InputError(message.categoryMismatch(root.category, category), { file, field: 'category' });
  const entries = arrayAt(root.entries, file, 'entries');
  if (entries.length < MIN_LIST_ENTRIES) {
    throw new InputError(message.tooFewEntries(category, entries.length, MIN_LIST_ENTRIES), { file, field: 'entries' });
  }
  const ids = new Set<string>();
  const texts = new Set<string>();
  return entries.map((value, i) => {
    const field = `entries[${i}]`;
    const entry = objectAt(value, file, field);
    for (const key of Object.keys(entry)) {
      if (!ENTRY_KEYS.includes(key) && !isRuleKey(key)) {
        throw new InputError(message.unknownRuleKey(key, [...ENTRY_KEYS, 'minAge', 'maxAge', 'requires', 'excludes']), { file, field: `${field}.${key}` });
      }
    }
    const id = stringAt(entry.id, file, `${field}.id`);
    const text = stringAt(entry.text, file, `${field}.text`);
    if (ids.has(id)) throw new InputError(message.duplicateEntry('id', id), { file, field: `${field}.id` });
    const normalised = text.trim().toLowerCase();
    if (texts.has(normalised)) throw new InputError(message.duplicateEntry('text', text), { file, field: `${field}.text` });
    ids.add(id);
    texts.add(normalised);
    const weight = entry.weight === undefined ? 1 : numberAt(entry.weight, file, `${field}.weight`);
    if (!(weight > 0)) throw new InputError(message.invalidWeight(entry.weight), { file, field: `${field}.weight` });
    return { id, text, weight, rule: parseEligibilityRule(entry, flags, file, field) };
  });
}

let cached: IdiosyncrasyLists | undefined;

/**
 * Loads and validates rules.json and the five lists from `directory`
 * (default: the embedded data/traits/lists/, cached).
 * @throws {InputError} for an unreadable or malformed file (file, field).
 */
export function loadIdiosyncrasyLists(directory: string | URL = listsDirectory): IdiosyncrasyLists {
  if (directory === listsDirectory && cached) return cached;
  const base = typeof directory === 'string' ? pathToFileURL(`${resolve(directory)}/`) : directory;
  const rulesPath = new URL('rules.json', base);
  const flags = parseRuleVocabulary(readJsonFile(rulesPath), displayPath(rulesPath));
  const lists = Object.fromEntries(
    IDIOSYNCRASY_CATEGORIES.map((category) => {
      const path = new URL(LIST_FILES[category], base);
      return [category, parseIdiosyncrasyList(readJsonFile(path), category, flags, displayPath(path))];
    }),
  ) as unknown as IdiosyncrasyLists;
  if (directory === listsDirectory) cached = lists;
  return lists;
}
