import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { parseMargins, rakingMessage as message, type SampleColumns } from '../src/index.js';

/** A sample table of string columns, shaped like @persona/core's Table. */
function sample(columns: Record<string, string[]>): SampleColumns {
  const names = Object.keys(columns);
  return {
    names,
    nRows: columns[names[0]].length,
    column: (name) => columns[name],
    has: (name) => name in columns,
  };
}

const people = sample({
  SEX: ['1', '2', '2', '1', '2'],
  AGEGRP: ['1', '2', '3', '3', '1'],
});
const file = 'MARGINS.json';
const source = { marginsFile: file, sampleFile: 'sample.csv', lineOf: (row: number) => row + 2 };

describe('parseMargins (CONTRACTS.md `persona rake` MARGINS.json)', () => {
  it('reads the contract example: shares scale to total, counts stay counts', () => {
    const json = '{ "total": 1000, "margins": { "SEX": { "1": 0.49, "2": 0.51 }, "AGEGRP": { "1": 210, "2": 340, "3": 450 } } }';
    const m = parseMargins(json, people, { source });
    expect(m.kinds).toEqual({ SEX: 'shares', AGEGRP: 'counts' });
    expect(m.totalFrom).toBe('total');
    // shares × total: 0.49 × 1000, 0.51 × 1000
    expect(m.targets.SEX['1']).toBeCloseTo(490, 10);
    expect(m.targets.SEX['2']).toBeCloseTo(510, 10);
    expect(m.targets.AGEGRP).toEqual({ 1: 210, 2: 340, 3: 450 });
    expect(m.variables.map((v) => v.name)).toEqual(['SEX', 'AGEGRP']);
  });

  it("without total, shares scale to the sample's weighted total", () => {
    const m = parseMargins({ margins: { SEX: { 1: 0.5, 2: 0.5 } } }, people, { baseWeights: [1, 2, 3, 4, 10] });
    expect(m.totalFrom).toBe('sample');
    expect(m.total).toBe(20);
    expect(m.targets.SEX).toEqual({ 1: 10, 2: 10 });
  });

  it("without total, shares scale to the sample's total even beside count blocks that agree with it", () => {
    // 5 unweighted rows: shares × 5; the AGEGRP counts also sum to 5, so both describe the same population.
    const m = parseMargins({ margins: { SEX: { 1: 0.2, 2: 0.8 }, AGEGRP: { 1: 2, 2: 1, 3: 2 } } }, people);
    expect(m.totalFrom).toBe('sample');
    expect(m.total).toBe(5);
    expect(m.targets.SEX['1']).toBeCloseTo(1, 12);
    expect(m.targets.SEX['2']).toBeCloseTo(4, 12);
    expect(m.targets.AGEGRP).toEqual({ 1: 2, 2: 1, 3: 2 });
    // only count blocks: the total is theirs, whatever the sample's
    expect(parseMargins({ margins: { AGEGRP: { 1: 100, 2: 100, 3: 200 } } }, people).total).toBe(400);
  });

  it('without total, count blocks whose total is not the sample\'s beside share blocks are an input error naming both', () => {
    // Shares would scale to the 5 sample rows, the counts say 400: no weighting meets both.
    const json = { margins: { SEX: { 1: 0.25, 2: 0.75 }, AGEGRP: { 1: 100, 2: 100, 3: 200 } } };
    expect(() => parseMargins(json, people, { source })).toThrow(`${file}: ${message.sharesTotalAmbiguous(['SEX'], ['AGEGRP'], 400, 5, 1e-6)}`);
    expect(message.sharesTotalAmbiguous(['SEX'], ['AGEGRP'], 400, 5, 1e-6)).toContain('add "total": 400');
    // with base weights summing to 400 they agree
    expect(parseMargins(json, people, { baseWeights: [100, 100, 100, 50, 50] }).targets.SEX).toEqual({ 1: 100, 2: 300 });
    // and an explicit total settles it
    expect(parseMargins({ total: 400, ...json }, people).targets.SEX).toEqual({ 1: 100, 2: 300 });
  });

  it('count blocks that disagree are an input error naming them', () => {
    const json = { margins: { SEX: { 1: 40, 2: 60 }, AGEGRP: { 1: 30, 2: 30, 3: 41 } } };
    expect(() => parseMargins(json, people, { source })).toThrow(
      `${file}: ${message.countTotalsDisagree([{ name: 'SEX', sum: 100 }, { name: 'AGEGRP', sum: 101 }], 1e-6)}`,
    );
    // within --tol they agree
    expect(parseMargins(json, people, { tol: 0.02 }).totalFrom).toBe('counts');
    // a count block must also agree with an explicit total
    expect(() => parseMargins({ total: 50, margins: { SEX: { 1: 40, 2: 60 } } }, people, { source })).toThrow(
      message.countTotalsDisagree([{ name: 'total', sum: 50 }, { name: 'SEX', sum: 100 }], 1e-6),
    );
  });

  it('compares category keys as strings and says so when "01" vs "1" is the likely mistake', () => {
    const json = { margins: { SEX: { '01': 0.5, '2': 0.5 } } };
    const error = (() => {
      try {
        parseMargins(json, people, { source });
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error.location).toEqual({ file, field: 'margins.SEX' });
    expect(error.message).toContain(message.targetCategoryNotInSample('SEX', '01', 2.5, message.keyMismatchHint('01', '1')));
    // the hint comes last, so "did you mean "1"?" ends the message instead of running into "so no weighting can reach it"
    expect(error.message.endsWith(message.keyMismatchHint('01', '1'))).toBe(true);
  });

  it('a sample category without target is an error naming the first row and line', () => {
    expect(() => parseMargins({ margins: { AGEGRP: { 1: 0.5, 2: 0.5 } } }, people, { source })).toThrow(
      `sample.csv:4: field "AGEGRP": ${message.sampleCategoryWithoutTarget('AGEGRP', '3', 2, 2, ['1', '2'], undefined)}`,
    );
  });

  it('a zero target for a category absent from the sample is allowed; a positive one is infeasible', () => {
    expect(parseMargins({ margins: { SEX: { 1: 0.5, 2: 0.5, 9: 0 } } }, people).targets.SEX['9']).toBe(0);
    expect(() => parseMargins({ margins: { SEX: { 1: 0.4, 2: 0.5, 9: 0.1 } } }, people, { source })).toThrow(
      message.targetCategoryNotInSample('SEX', '9', 0.5, undefined),
    );
  });

  it('rejects malformed documents with the file and field', () => {
    const cases: [unknown, string, string][] = [
      ['{ not json', '', 'expected a JSON document, but it does not parse'],
      [[1, 2], '', message.marginsNotObject()],
      [{ total: 10 }, 'margins', message.marginsMissing()],
      [{ margins: {} }, 'margins', message.marginsEmpty()],
      [{ margins: { SEX: [0.5, 0.5] } }, 'margins.SEX', message.blockNotObject('SEX')],
      [{ margins: { SEX: {} } }, 'margins.SEX', message.blockEmpty('SEX')],
      [{ margins: { SEX: { 1: -1, 2: 2 } } }, 'margins.SEX.1', message.targetNotNumber('SEX', '1', -1)],
      [{ margins: { SEX: { 1: '0.5', 2: 0.5 } } }, 'margins.SEX.1', message.targetNotNumber('SEX', '1', '0.5')],
      [{ margins: { SEX: { 1: 0, 2: 0 } } }, 'margins.SEX', message.blockSumZero('SEX')],
      [{ total: -5, margins: { SEX: { 1: 1 } } }, 'total', message.totalInvalid(-5)],
      [{ margins: { RACE: { 1: 1 } } }, 'margins.RACE', message.variableNotInSample('RACE', ['SEX', 'AGEGRP'])],
      // Regression: targets that are each finite but whose sum overflows to Infinity slipped through and printed as null.
      [{ margins: { SEX: { 1: 1e308, 2: 1e308 } } }, 'margins.SEX', message.blockSumNotFinite('SEX')],
      // Regression: JSON.parse keeps the last of duplicate keys, so {"1":600,"2":400,"1":500} silently meant 1 → 500.
      ['{"margins":{"SEX":{"1":600,"2":400,"1":500}}}', 'margins.SEX', message.duplicateKey('1')],
      ['{"margins":{"SEX":{"1":0.5,"2":0.5}},"margins":{"SEX":{"1":1}}}', '', message.duplicateKey('margins')],
      // Regression: 1e400 parses to Infinity, which JSON.stringify printed as "got null".
      ['{"margins":{"SEX":{"1":1e400,"2":1}}}', 'margins.SEX.1', 'got Infinity: the number in the file is not finite'],
      ['{"total":-1e400,"margins":{"SEX":{"1":0.5,"2":0.5}}}', 'total', 'got -Infinity: the number in the file is not finite'],
    ];
    for (const [json, field, text] of cases) {
      let caught: unknown;
      try {
        parseMargins(typeof json === 'string' ? json : json, people, { source });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InputError);
      const e = caught as InputError;
      expect(e.message).toContain(text);
      expect(e.location.file).toBe(file);
      if (field) expect(e.location.field).toBe(field);
    }
  });

  it('rejects a negative base weight while computing the sample total, naming row and line', () => {
    expect(() => parseMargins({ margins: { SEX: { 1: 0.5, 2: 0.5 } } }, people, { baseWeights: [1, 1, -2, 1, 1], source: { ...source, weightField: 'PWGTP' } })).toThrow(
      `sample.csv:4: field "PWGTP": ${message.baseWeightInvalid(2, -2)}`,
    );
  });
});

describe('a leading UTF-8 byte order mark (RFC 8259 §8.1: may be ignored)', () => {
  it('is ignored: the document reads as without it', () => {
    // Regression: JSON.parse failed with "Unexpected token '\uFEFF'" (an invisible character).
    const json = '{"total":10,"margins":{"SEX":{"1":0.4,"2":0.6}}}';
    const m = parseMargins(`\uFEFF${json}`, people, { source });
    expect(m.targets).toEqual(parseMargins(json, people, { source }).targets);
    expect(m.targets.SEX['2']).toBeCloseTo(6, 12); // 0.6 × total 10
  });
});

describe('duplicate keys and overflowing totals', () => {
  it('the same key in two different objects is not a duplicate, and keys inside strings or escaped do not count', () => {
    const json = '{"margins":{"SEX":{"1":0.5,"2":0.5},"AGEGRP":{"1":0.2,"2":0.3,"3":0.5}},"note":"\\"1\\":{\\"1\\""}';
    expect(parseMargins(json, people, { source }).targets.AGEGRP['3']).toBeCloseTo(2.5, 12); // 0.5 × 5 rows
    const escaped = '{"margins":{"SEX":{"1":0.5,"\\u0031":0.5}}}'; // "\u0031" is "1" again
    expect(() => parseMargins(escaped, people, { source })).toThrow(message.duplicateKey('1'));
  });

  it('count blocks whose sums are all infinite cannot be compared: every target 1e308 is rejected', () => {
    const json = { margins: { SEX: { 1: 1e308, 2: 1e308 }, AGEGRP: { 1: 1e308, 2: 1e308, 3: 1e308 } } };
    expect(() => parseMargins(json, people, { source })).toThrow(message.blockSumNotFinite('SEX'));
  });
});
