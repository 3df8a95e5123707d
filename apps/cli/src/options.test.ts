import { describe, expect, it } from 'vitest';
import { message } from './messages.js';
import { choiceOption, parseBounds, positiveInteger } from './options.js';

describe('option parsing', () => {
  it('reads --bounds LO,HI with optional infinite ends', () => {
    expect(parseBounds('0.3,3')).toEqual([0.3, 3]);
    expect(parseBounds('-Inf, Infinity')).toEqual([-Infinity, Infinity]);
    for (const raw of ['0.3', '0.3,3,4', 'a,3', ',3']) expect(() => parseBounds(raw)).toThrow(message.boundsInvalid(raw));
  });

  it('rejects a choice outside the list and a non-integer count, naming the option', () => {
    expect(() => choiceOption('--method', 'ipf', ['raking', 'linear'])).toThrow(`field "--method": ${message.choiceInvalid('--method', 'ipf', ['raking', 'linear'])}`);
    // Used to say "expected --method to be one of …" for every option (a hard-coded name).
    expect(() => choiceOption('--format', 'xml', ['jsonl', 'csv'])).toThrow('field "--format": expected --format to be one of jsonl, csv, got "xml"');
    expect(() => positiveInteger('--n', '2.5')).toThrow(`field "--n": ${message.optionNotNumber('a positive integer', '2.5')}`);
    expect(positiveInteger('--n', '1586')).toBe(1586);
  });
});
