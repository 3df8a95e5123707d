import { InputError } from '@persona/core';
import { rakingMessage } from '@persona/raking';
import { describe, expect, it } from 'vitest';
import { checkRepresentativeness, metricsMessage as message } from '../src/index.js';
import { catchInputError } from '../../../test-support/input-error.js';

const margins = { margins: { V: { a: 0.5, b: 0.5 } } };

describe('checkRepresentativeness rejects bad input with the messages of messages.ts', () => {
  it('a margin variable the sample lacks', () => {
    const e = catchInputError(() => checkRepresentativeness({ columns: { W: ['a'] } }, margins, { source: { marginsFile: 'm.json' } }));
    expect(e.reason).toBe(message.variableNotInSample('V', ['W']));
    expect(e.location).toEqual({ file: 'm.json', field: 'margins.V' });
  });

  it('a sample category outside the margins, naming the row, line and count, with a spelling hint', () => {
    const e = catchInputError(() =>
      checkRepresentativeness({ columns: { V: ['a', 'b', 'c', 'c'] } }, margins, { source: { sampleFile: 's.csv', lineOf: (row: number) => row + 2 } }),
    );
    expect(e.reason).toBe(message.categoryWithoutTarget('V', 'c', 2, 2, ['a', 'b'], undefined));
    expect(e.location).toEqual({ file: 's.csv', field: 'V', line: 4 });
    const hinted = catchInputError(() => checkRepresentativeness({ columns: { S: ['1', '01'] } }, { margins: { S: { '1': 1, '2': 1 } } }));
    expect(hinted.reason).toBe(message.categoryWithoutTarget('S', '01', 1, 1, ['1', '2'], rakingMessage.keyMismatchHint('01', '1')));
  });

  it('an empty sample', () => {
    expect(() => checkRepresentativeness({ columns: { V: [] } }, margins)).toThrow(message.emptySample());
  });

  it('bad weights: wrong length, negative, all zero', () => {
    expect(() => checkRepresentativeness({ columns: { V: ['a', 'b'] }, weights: [1] }, margins)).toThrow(message.weightsLength(1, 2));
    const e = catchInputError(() =>
      checkRepresentativeness({ columns: { V: ['a', 'b'] }, weights: [1, -1] }, margins, { source: { sampleFile: 's.csv', weightField: 'w', lineOf: (row: number) => row + 2 } }),
    );
    expect(e.reason).toBe(message.weightInvalid(1, -1));
    expect(e.location).toEqual({ file: 's.csv', field: 'w', line: 3 });
    expect(() => checkRepresentativeness({ columns: { V: ['a', 'b'] }, weights: [0, 0] }, margins)).toThrow(message.weightsAllZero());
  });

  it('a universe without rows, or with weight 0 only', () => {
    const edu = { margins: { education: { '0': 1, '1': 1 } } };
    expect(() => checkRepresentativeness({ columns: { education: ['0', '0'] } }, edu)).toThrow(message.universeEmpty('education', ['0']));
    expect(() => checkRepresentativeness({ columns: { education: ['0', '1'] }, weights: [1, 0] }, edu)).toThrow(
      message.universeWeightsZero('education'),
    );
    const allOutside = { margins: { education: { '0': 1, '1': 0 } } };
    expect(() => checkRepresentativeness({ columns: { education: ['1'] } }, allOutside)).toThrow(message.targetUniverseEmpty('education', ['0']));
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, margins, { notInUniverse: { W: ['0'] } })).toThrow(
      message.universeVariableUnknown('W', ['V']),
    );
  });

  it('malformed margins, with the messages of persona rake', () => {
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, '{')).toThrow(InputError);
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, [])).toThrow(message.marginsNotObject());
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, { margins: { V: { a: -1 } } })).toThrow(message.targetNotNumber('V', 'a', -1));
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, { margins: { V: { a: 0 } } })).toThrow(message.blockSumZero('V'));
  });

  it('invalid options and pairs', () => {
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, margins, { noiseDraws: 0 })).toThrow(message.invalidNoiseDraws(0));
    const pair = { variables: ['V', 'X'] as const, target: { a: { u: 1 } } };
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, margins, { pairs: [pair] })).toThrow(message.pairVariableUnknown('X', ['V']));
    const same = { variables: ['V', 'V'] as const, target: { a: { a: 1 } } };
    expect(() => checkRepresentativeness({ columns: { V: ['a'] } }, margins, { pairs: [same] })).toThrow(message.pairSameVariable('V'));
  });
});
