import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { ballotField, type Ballot, type Profile } from './profile.js';

const PROFILE_KEYS = new Set(['candidates', 'ballots']);
const BALLOT_KEYS = new Set(['ranking', 'approved', 'weight']);

/**
 * Validates a parsed `PROFILE.json` (CONTRACTS.md `persona aggregate`) and converts it to a
 * {@link Profile}: each `ranking` (a weak order, best first; an inner list is a tie) becomes
 * dense levels (0 = best; candidates the ballot leaves out share one level below all it
 * lists), each `approved` list a 0/1 mask; `weight` defaults to 1 and must be a positive finite
 * number. A ballot may give both `ranking` and `approved`: ranking rules read the ranking and
 * approval/committee rules the approvals. Keys other than `candidates`/`ballots` (top level) and
 * `ranking`/`approved`/`weight` (ballot) are refused, so a misspelt `"wieght"` is not ignored.
 * @param file the path to name in messages.
 * Candidate names are matched verbatim, so names with leading or trailing spaces are refused
 * (as `persona bt` refuses such item names).
 * @throws InputError naming the file and the field — `ballots[k].ranking` for ballot k (0-based)
 *   — unknown key, unknown or duplicate candidate, a name with surrounding spaces, non-positive
 *   weight, a ballot with neither `ranking` nor `approved`, no ballots.
 * @example parseProfile({ candidates: ['a', 'b', 'c'], ballots: [{ ranking: [['a', 'b']] }] })
 *   // ballots[0].levels = Int32Array [0, 0, 1]
 */
export function parseProfile(data: unknown, file?: string): Profile {
  // Ballot problems are located as field `ballots[k]` or `ballots[k].ranking` (k 0-based).
  const at = (extra: { index?: number; field?: string }) => {
    const { index, field } = extra;
    if (index === undefined) return { file, ...(field !== undefined ? { field } : {}) };
    return { file, field: ballotField(index, field) };
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError(message.profileNotObject(), at({}));
  for (const key of Object.keys(data)) {
    if (!PROFILE_KEYS.has(key)) throw new InputError(message.unknownProfileKey(key, [...PROFILE_KEYS]), at({ field: key }));
  }
  const { candidates: rawCandidates, ballots: rawBallots } = data as { candidates?: unknown; ballots?: unknown };
  if (!Array.isArray(rawCandidates) || rawCandidates.length === 0) {
    throw new InputError(message.candidatesNotList(), at({ field: 'candidates' }));
  }
  const index = new Map<string, number>();
  for (const name of rawCandidates) {
    if (typeof name !== 'string' || name === '') throw new InputError(message.candidateNotString(name), at({ field: 'candidates' }));
    if (name.trim() !== name) throw new InputError(message.candidateSpaces(name), at({ field: 'candidates' }));
    if (index.has(name)) throw new InputError(message.duplicateCandidateName(name), at({ field: 'candidates' }));
    index.set(name, index.size);
  }
  const candidates = rawCandidates as string[];
  if (!Array.isArray(rawBallots)) throw new InputError(message.ballotsNotList(), at({ field: 'ballots' }));
  if (rawBallots.length === 0) throw new InputError(message.emptyProfile(), at({ field: 'ballots' }));
  const m = candidates.length;
  const lookup = (name: unknown, b: number, field: string, seen: Uint8Array): number => {
    const id = typeof name === 'string' ? index.get(name) : undefined;
    if (id === undefined && typeof name === 'string' && name.trim() !== name) throw new InputError(message.candidateSpaces(name), at({ index: b, field }));
    if (id === undefined) throw new InputError(message.unknownCandidate(name, candidates), at({ index: b, field }));
    if (seen[id] === 1) throw new InputError(message.duplicateInBallot(name as string), at({ index: b, field }));
    seen[id] = 1;
    return id;
  };
  const ballots: Ballot[] = rawBallots.map((raw: unknown, b: number): Ballot => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(message.ballotNotObject(), at({ index: b }));
    for (const key of Object.keys(raw)) {
      if (!BALLOT_KEYS.has(key)) throw new InputError(message.unknownBallotKey(key, [...BALLOT_KEYS]), at({ index: b, field: key }));
    }
    const { ranking, approved, weight: rawWeight } = raw as { ranking?: unknown; approved?: unknown; weight?: unknown };
    if (ranking === undefined && approved === undefined) throw new InputError(message.ballotNoContent(), at({ index: b }));
    const weight = rawWeight === undefined ? 1 : rawWeight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new InputError(message.badWeight(rawWeight), at({ index: b, field: 'weight' }));
    }
    let levels: Int32Array | undefined;
    if (ranking !== undefined) {
      if (!Array.isArray(ranking)) throw new InputError(message.rankingNotList(), at({ index: b, field: 'ranking' }));
      const seen = new Uint8Array(m);
      levels = new Int32Array(m).fill(-1);
      ranking.forEach((element: unknown, level: number) => {
        if (Array.isArray(element)) {
          if (element.length === 0) throw new InputError(message.emptyTie(), at({ index: b, field: 'ranking' }));
          for (const name of element) levels![lookup(name, b, 'ranking', seen)] = level;
        } else {
          levels![lookup(element, b, 'ranking', seen)] = level;
        }
      });
      for (let c = 0; c < m; c++) if (levels[c] < 0) levels[c] = ranking.length;
    }
    let mask: Uint8Array | undefined;
    if (approved !== undefined) {
      if (!Array.isArray(approved)) throw new InputError(message.approvedNotList(), at({ index: b, field: 'approved' }));
      mask = new Uint8Array(m);
      for (const name of approved) lookup(name, b, 'approved', mask);
    }
    return { levels, approved: mask, weight };
  });
  return { candidates, ballots };
}

/**
 * Reads and validates a `PROFILE.json` (or `.json.gz`) file, a UTF-8 byte-order mark allowed;
 * see {@link parseProfile}.
 * @throws InputError for an unreadable file (e.g. "cannot read the file: no such file"), invalid
 *   JSON or an invalid profile.
 */
export function readProfile(path: string): Profile {
  if (!/\.json(\.gz)?$/i.test(path)) throw new InputError(message.profileExtension(), { file: path });
  let text: string;
  try {
    const bytes = readFileSync(path);
    // A UTF-8 byte-order mark (as some editors write) is not part of the JSON.
    text = (/\.gz$/i.test(path) ? gunzipSync(bytes) : bytes).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError(message.profileUnreadable(message.fileErrorDetail(typeof code === 'string' ? code : '', (error as Error).message)), { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(message.profileInvalidJson((error as Error).message), { file: path });
  }
  return parseProfile(data, path);
}

