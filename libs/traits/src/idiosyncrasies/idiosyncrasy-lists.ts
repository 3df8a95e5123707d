import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { arrayAt, displayPath, numberAt, objectAt, readJsonFile, stringAt } from '../survey-tables/read-json.js';
import {
  codesAt,
  isRuleKey,
  parseEligibilityRule,
  religionFamiliesAt,
  type EligibilityRule,
  type FlagDefinition,
  type RuleVocabulary,
} from './eligibility-rule.js';

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

/** The five lists, validated, with the religion families their rules may name (rules.json `religionFamilies`). */
export type IdiosyncrasyLists = Readonly<Record<IdiosyncrasyCategory, readonly IdiosyncrasyEntry[]>> & {
  readonly religionFamilies: readonly string[];
};

const ENTRY_KEYS = ['id', 'text', 'weight'];

/**
 * Parses rules.json: `religionFamilies` lists the religion families a rule
 * may name (the `family` values of data/traits/religion.json), and `flags`
 * maps a flag name to a PUMS condition `{ "variable": "ESR", "codes": ["1", …] }`
 * or a religion condition `{ "religionFamilies": ["Jewish", …] }`.
 * @throws {InputError} naming the file and field.
 */
export function parseRuleVocabulary(json: unknown, file: string): RuleVocabulary {
  const root = objectAt(json, file, '(root)');
  const families = root.religionFamilies;
  if (
    !Array.isArray(families) ||
    families.length === 0 ||
    families.some((f) => typeof f !== 'string' || f === '') ||
    new Set(families).size !== families.length
  ) {
    throw new InputError(message.religionFamilyVocabulary(families), { file, field: 'religionFamilies' });
  }
  const religionFamilies = families as string[];
  const flags = objectAt(root.flags, file, 'flags');
  const out: Record<string, FlagDefinition> = {};
  for (const [name, value] of Object.entries(flags)) {
    const flag = objectAt(value, file, `flags.${name}`);
    const pums = flag.variable !== undefined || flag.codes !== undefined;
    if (pums === (flag.religionFamilies !== undefined)) throw new InputError(message.flagDefinition(name), { file, field: `flags.${name}` });
    if (pums) {
      const variable = stringAt(flag.variable, file, `flags.${name}.variable`);
      out[name] = { variable, codes: codesAt(flag.codes, variable, file, `flags.${name}.codes`) };
    } else {
      out[name] = { religionFamilies: religionFamiliesAt(flag.religionFamilies, religionFamilies, file, `flags.${name}.religionFamilies`) };
    }
  }
  return { flags: out, religionFamilies };
}

/**
 * Parses one list file: `{ "category": "quirks", "entries": [ { "id", "text",
 * "minAge"?, "maxAge"?, "requires"?, "excludes"?, "weight"? } ] }`; checks
 * the category, at least {@link MIN_LIST_ENTRIES} entries, unique ids and texts
 * and that every rule parses against the vocabulary of rules.json.
 * @throws {InputError} naming the file and the field (e.g. `entries[12].requires.DPHY`).
 */
export function parseIdiosyncrasyList(
  json: unknown,
  category: IdiosyncrasyCategory,
  vocabulary: RuleVocabulary,
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
    return { id, text, weight, rule: parseEligibilityRule(entry, vocabulary, file, field) };
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
  const vocabulary = parseRuleVocabulary(readJsonFile(rulesPath), displayPath(rulesPath));
  const lists = {
    ...Object.fromEntries(
      IDIOSYNCRASY_CATEGORIES.map((category) => {
        const path = new URL(LIST_FILES[category], base);
        return [category, parseIdiosyncrasyList(readJsonFile(path), category, vocabulary, displayPath(path))];
      }),
    ),
    religionFamilies: vocabulary.religionFamilies,
  } as unknown as IdiosyncrasyLists;
  if (directory === listsDirectory) cached = lists;
  return lists;
}
