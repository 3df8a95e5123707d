import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { runRule } from './registry.js';
import { parseProfile, readProfile } from './read-profile.js';
import { catchInputError } from '../../../../test-support/input-error.js';

const candidates = ['a', 'b', 'c'];

describe('parseProfile', () => {
  it('turns weak orders into dense levels with unlisted candidates tied last (CONTRACTS.md PROFILE.json)', () => {
    const p = parseProfile({
      candidates,
      ballots: [{ ranking: ['b'] }, { ranking: [['a', 'c'], 'b'], weight: 1.5 }, { approved: ['c'], weight: 2 }, { ranking: [] }],
    });
    // By the contract: ["b"] → b first, a and c tied below; [["a","c"],"b"] → a = c ≻ b.
    expect(Array.from(p.ballots[0].levels!)).toEqual([1, 0, 1]);
    expect(p.ballots[0].weight).toBe(1);
    expect(Array.from(p.ballots[1].levels!)).toEqual([0, 1, 0]);
    expect(p.ballots[1].weight).toBe(1.5);
    expect(p.ballots[2].levels).toBeUndefined();
    expect(Array.from(p.ballots[2].approved!)).toEqual([0, 0, 1]);
    expect(Array.from(p.ballots[3].levels!)).toEqual([0, 0, 0]);
  });

  it('rejects an unknown candidate, naming the ballot index and field', () => {
    const e = catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: ['a'] }, { ranking: ['a', 'z'] }] }, 'p.json'));
    expect(e.reason).toBe(message.unknownCandidate('z', candidates));
    // Used to say "record 1"; the field now names the ballot as the JSON path does.
    expect(e.location).toEqual({ file: 'p.json', field: 'ballots[1].ranking' });
    expect(e.message).toBe(`p.json: field "ballots[1].ranking": ${message.unknownCandidate('z', candidates)}`);
  });

  it('rejects unknown keys at the top level and in a ballot, naming the ballot index and key', () => {
    // Used to pass silently: {"ranking":["a"],"wieght":2} ran with weight 1.
    const e = catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: ['a'] }, { ranking: ['a'], wieght: 2 }] }, 'p.json'));
    expect(e.reason).toBe(message.unknownBallotKey('wieght', ['ranking', 'approved', 'weight']));
    expect(e.location).toEqual({ file: 'p.json', field: 'ballots[1].wieght' });
    const top = catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: ['a'] }], ballot: [] }, 'p.json'));
    expect(top.reason).toBe(message.unknownProfileKey('ballot', ['candidates', 'ballots']));
    expect(top.location).toEqual({ file: 'p.json', field: 'ballot' });
  });

  it('keeps both "ranking" and "approved" of a ballot: ranking rules read one, approval rules the other', async () => {
    // Oracle: the definitions — plurality counts first places of the ranking (b), approval counts
    // the approved list (a).
    const profile = parseProfile({ candidates, ballots: [{ ranking: ['b', 'a'], approved: ['a'] }] });
    expect(Array.from(profile.ballots[0].levels!)).toEqual([1, 0, 2]);
    expect(Array.from(profile.ballots[0].approved!)).toEqual([1, 0, 0]);
    expect((await runRule('plurality', profile, { tiebreak: 'none', seed: 0 })).winners).toEqual(['b']);
    expect((await runRule('approval', profile, { tiebreak: 'none', seed: 0 })).winners).toEqual(['a']);
  });

  it('rejects a candidate listed twice in a ballot (also across a tie) and in "approved"', () => {
    expect(catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: ['a', ['b', 'a']] }] })).reason).toBe(message.duplicateInBallot('a'));
    expect(catchInputError(() => parseProfile({ candidates, ballots: [{ approved: ['c', 'c'] }] })).location).toEqual({ field: 'ballots[0].approved' });
  });

  it('rejects non-positive, non-finite and non-numeric weights', () => {
    for (const weight of [0, -1, Number.NaN, '2', null]) {
      const e = catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: ['a'] }, { ranking: ['b'], weight }] }));
      expect(e.reason).toBe(message.badWeight(weight));
      expect(e.location).toEqual({ field: 'ballots[1].weight' });
    }
  });

  it('rejects an empty profile, a ballot with neither ranking nor approved, and malformed shapes', () => {
    expect(catchInputError(() => parseProfile({ candidates, ballots: [] })).reason).toBe(message.emptyProfile());
    expect(catchInputError(() => parseProfile({ candidates, ballots: [{ weight: 2 }] })).reason).toBe(message.ballotNoContent());
    expect(catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: 'abc' }] })).reason).toBe(message.rankingNotList());
    expect(catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: [[]] }] })).reason).toBe(message.emptyTie());
    expect(catchInputError(() => parseProfile({ candidates: ['a', 'a'], ballots: [{ ranking: [] }] })).reason).toBe(message.duplicateCandidateName('a'));
    expect(catchInputError(() => parseProfile({ candidates: [], ballots: [{ ranking: [] }] })).reason).toBe(message.candidatesNotList());
    expect(catchInputError(() => parseProfile([1, 2])).reason).toBe(message.profileNotObject());
    expect(catchInputError(() => parseProfile({ candidates, ballots: [{ weight: 2 }] })).location).toEqual({ field: 'ballots[0]' });
  });

  it('refuses candidate names with leading or trailing spaces, as persona bt refuses such item names', () => {
    // Used to accept "a" and "a " as two different candidates.
    const e = catchInputError(() => parseProfile({ candidates: ['a', 'a '], ballots: [{ ranking: ['a'] }] }, 'p.json'));
    expect(e.reason).toBe(message.candidateSpaces('a '));
    expect(e.location).toEqual({ file: 'p.json', field: 'candidates' });
    const inBallot = catchInputError(() => parseProfile({ candidates, ballots: [{ ranking: [' b'] }] }));
    expect(inBallot.reason).toBe(message.candidateSpaces(' b'));
    expect(inBallot.location).toEqual({ field: 'ballots[0].ranking' });
  });
});

describe('readProfile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'persona-profile-'));
  const profile = { candidates, ballots: [{ ranking: ['c', 'a'], weight: 2 }] };

  it('reads .json and .json.gz alike', () => {
    writeFileSync(join(dir, 'p.json'), JSON.stringify(profile));
    writeFileSync(join(dir, 'p.json.gz'), gzipSync(JSON.stringify(profile)));
    const a = readProfile(join(dir, 'p.json'));
    const b = readProfile(join(dir, 'p.json.gz'));
    expect(Array.from(a.ballots[0].levels!)).toEqual([1, 2, 0]);
    expect(Array.from(b.ballots[0].levels!)).toEqual([1, 2, 0]);
  });

  it('names the file for invalid JSON and refuses other extensions', () => {
    writeFileSync(join(dir, 'bad.json'), '{"candidates": [');
    const e = catchInputError(() => readProfile(join(dir, 'bad.json')));
    expect(e.location.file).toBe(join(dir, 'bad.json'));
    expect(e.reason.startsWith(message.profileInvalidJson(''))).toBe(true);
    expect(catchInputError(() => readProfile(join(dir, 'p.csv'))).reason).toBe(message.profileExtension());
  });

  it('names a missing file with the library message, and reads a profile saved with a UTF-8 BOM', () => {
    // Used to print Node's raw "ENOENT: no such file or directory, open …" and to refuse a BOM as invalid JSON.
    const missing = catchInputError(() => readProfile(join(dir, 'nope.json')));
    expect(missing.reason).toBe(message.profileUnreadable('no such file'));
    expect(missing.location).toEqual({ file: join(dir, 'nope.json') });
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(profile)}`);
    expect(Array.from(readProfile(join(dir, 'bom.json')).ballots[0].levels!)).toEqual([1, 2, 0]);
  });
});
