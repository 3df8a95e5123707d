import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { Outcome } from './comparisons.js';
import { comparisonsFromRows, readComparisons } from './read-comparisons.js';
import { rejectedInputError } from '../../../../test-support/input-error.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-bt-read-'));
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}


describe('readComparisons', () => {
  it('reads winner,loser[,count] CSV and collapses duplicates (no count column: count 1)', async () => {
    const c = await readComparisons(file('wl.csv', 'winner,loser,count\na,b,2\nb,c,1\na,b,0.5\nc,a,1\n'));
    const plain = await readComparisons(file('wl-plain.csv', 'winner,loser\na,b\nb,c\n'));
    expect(Array.from(plain.count)).toEqual([1, 1]);
    expect(c.items).toEqual(['a', 'b', 'c']);
    expect(c.ordered).toBe(false);
    expect(Array.from(c.first)).toEqual([0, 1, 2]);
    expect(Array.from(c.second)).toEqual([1, 2, 0]);
    expect(Array.from(c.count)).toEqual([2.5, 1, 1]);
    expect(Array.from(c.outcome)).toEqual([Outcome.firstWins, Outcome.firstWins, Outcome.firstWins]);
  });

  it('reads item_a,item_b,outcome from CSV, gzip CSV and JSONL alike', async () => {
    const csv = 'item_a,item_b,outcome,count\nx,y,a,3\nx,y,tie,1\ny,x,b,2\nx,y,B,1\n';
    const jsonl = '{"item_a":"x","item_b":"y","outcome":"a","count":3}\n{"item_a":"x","item_b":"y","outcome":"tie"}\n{"item_a":"y","item_b":"x","outcome":"b","count":2}\n{"item_a":"x","item_b":"y","outcome":"b"}\n';
    for (const path of [file('o.csv', csv), file('o.csv.gz', gzipSync(csv)), file('o.jsonl', jsonl)]) {
      const c = await readComparisons(path);
      expect(c.ordered).toBe(true);
      expect(c.items).toEqual(['x', 'y']);
      expect(Array.from(c.first)).toEqual([0, 0, 1, 0]);
      expect(Array.from(c.outcome)).toEqual([Outcome.firstWins, Outcome.tie, Outcome.secondWins, Outcome.secondWins]);
      expect(Array.from(c.count)).toEqual([3, 1, 2, 1]);
    }
  });

  it('names file, line and field for bad CSV rows', async () => {
    const cases: Array<[string, string, number, string, string]> = [
      ['outcome.csv', 'item_a,item_b,outcome\nx,y,a\nx,y,draw\n', 3, 'outcome', message.btBadOutcome('draw')],
      ['zero.csv', 'winner,loser,count\nx,y,0\n', 2, 'count', message.btBadCount('0')],
      ['nan.csv', 'winner,loser,count\nx,y,abc\n', 2, 'count', message.btBadCount('abc')],
      ['neg.csv', 'winner,loser,count\nx,y,-2\n', 2, 'count', message.btBadCount('-2')],
      ['self.csv', 'winner,loser\nx,y\nx,x\n', 3, 'loser', message.btSelfComparison('x')],
      ['empty-item.csv', 'winner,loser\nx,\n', 2, 'loser', message.btEmptyItem()],
      // Used to pass silently: a blank count read as 1, and ` y` became an item distinct from `y`.
      ['blank-count.csv', 'winner,loser,count\nx,y,2\nx,y,\n', 3, 'count', message.btBlankCount()],
      ['spaces.csv', 'winner,loser\nx,y\ny, x\n', 3, 'loser', message.btItemSpaces(' x')],
    ];
    for (const [name, text, line, field, reason] of cases) {
      const path = file(name, text);
      const error = await rejectedInputError(readComparisons(path));
      expect(error.location).toEqual({ file: path, line, field });
      expect(error.reason).toBe(reason);
      expect(error.message).toBe(`${path}:${line}: field "${field}": ${reason}`);
    }
  });

  it('names the record for bad JSONL rows, and the columns when they are missing', async () => {
    const bad = file('bad.jsonl', '{"winner":"x","loser":"y"}\n{"winner":"x","loser":"y","count":"-1"}\n');
    const e1 = await rejectedInputError(readComparisons(bad));
    // Used to name `index: 1` (the 0-based record); record 1 is on line 2.
    expect(e1.location).toEqual({ file: bad, line: 2, field: 'count' });
    // After a blank line the physical line is still named (records are read line by line).
    const gap = file('gap.jsonl', '{"winner":"x","loser":"y"}\n\n{"winner":"x","loser":"y","count":"-1"}\n');
    expect((await rejectedInputError(readComparisons(gap))).location).toEqual({ file: gap, line: 3, field: 'count' });
    // A JSON array names the 0-based record.
    const array = file('array.json', '[{"winner":"x","loser":"y"},{"winner":"x","loser":"y","count":0}]');
    expect((await rejectedInputError(readComparisons(array))).location).toEqual({ file: array, index: 1, field: 'count' });
    const cols = file('cols.csv', 'first,second\nx,y\n');
    const e2 = await rejectedInputError(readComparisons(cols));
    expect(e2.reason).toBe(message.btMissingColumns(['first', 'second']));
    const none = file('none.csv', 'winner,loser\n');
    expect((await rejectedInputError(readComparisons(none))).reason).toBe(message.btNoComparisons());
  });
});

describe('readComparisons: unknown columns and keys, blank and non-decimal counts', () => {
  it('refuses a misnamed count column instead of reading every count as 1, with a hint', async () => {
    // Used to pass silently: `winner,loser,Count` with 7 and 3 gave θ = 0/0 instead of ±½ log(7/3).
    const cases: Array<[string, string, string, string | undefined]> = [
      ['Count', 'winner,loser,Count\na,b,7\nb,a,3\n', 'Count', 'count'],
      ['cnt', 'winner,loser,cnt\na,b,7\n', 'cnt', 'count'],
      ['n', 'winner,loser,n\na,b,7\n', 'n', 'count'],
      ['weight', 'item_a,item_b,outcome,weight\na,b,a,7\n', 'weight', 'count'],
      ['coutn', 'winner,loser,coutn\na,b,7\n', 'coutn', 'count'],
      ['judge', 'winner,loser,judge\na,b,p1\n', 'judge', undefined],
    ];
    for (const [name, text, column, hint] of cases) {
      const path = file(`${name}.csv`, text);
      const error = await rejectedInputError(readComparisons(path));
      const allowed = text.startsWith('winner') ? ['winner', 'loser', 'count'] : ['item_a', 'item_b', 'outcome', 'count'];
      expect(error.location).toEqual({ file: path, line: 1, field: column });
      expect(error.reason).toBe(message.btUnknownColumn('column', column, allowed, hint));
    }
    expect(message.btUnknownColumn('column', 'Count', ['winner', 'loser', 'count'], 'count')).toContain('did you mean count?');
    // A column of the other form is not silently ignored either.
    const mixed = file('mixed.csv', 'winner,loser,outcome\na,b,a\n');
    expect((await rejectedInputError(readComparisons(mixed))).reason).toBe(message.btUnknownColumn('column', 'outcome', ['winner', 'loser', 'count'], undefined));
    // Without the required columns, the near misses are named too.
    const cased = file('cased.csv', 'Winner,Loser\na,b\n');
    expect((await rejectedInputError(readComparisons(cased))).reason).toBe(
      message.btMissingColumns(['Winner', 'Loser'], [['Winner', 'winner'], ['Loser', 'loser']]),
    );
  });

  it('refuses unknown JSONL keys on their line, and null or "" counts as blank (a missing count is 1)', async () => {
    // Used to count `"cnt": 3` as 1 and `"count": null` as 1 (a CSV blank count was already an error).
    const cnt = file('cnt.jsonl', '{"winner":"a","loser":"b"}\n{"winner":"b","loser":"a","cnt":3}\n');
    const e1 = await rejectedInputError(readComparisons(cnt));
    expect(e1.location).toEqual({ file: cnt, line: 2, field: 'cnt' });
    expect(e1.reason).toBe(message.btUnknownColumn('key', 'cnt', ['winner', 'loser', 'count'], 'count'));
    // A key that is null is still a key the file gives (and a BOM before the first record is ignored).
    const nullKey = file('null-key.jsonl', '\uFEFF{"winner":"a","loser":"b","Count":null}\n');
    expect((await rejectedInputError(readComparisons(nullKey))).location).toEqual({ file: nullKey, line: 1, field: 'Count' });
    const plain = await readComparisons(file('optional.jsonl', '{"winner":"a","loser":"b","count":2}\n{"winner":"b","loser":"a"}\n'));
    expect(Array.from(plain.count)).toEqual([2, 1]);
    const blanks: Array<[string, string]> = [
      ['null', '{"winner":"a","loser":"b","count":2}\n{"winner":"b","loser":"a","count":null}\n'],
      ['empty', '{"winner":"a","loser":"b","count":2}\n{"winner":"b","loser":"a","count":""}\n'],
    ];
    for (const [name, text] of blanks) {
      const path = file(`${name}.jsonl`, text);
      const error = await rejectedInputError(readComparisons(path));
      expect(error.location).toEqual({ file: path, line: 2, field: 'count' });
      expect(error.reason).toBe(message.btBlankCount());
    }
  });

  it('reads counts as decimal numbers only', async () => {
    // Used to read 0x10 as 16 (Number('0x10')).
    for (const bad of ['0x10', 'Infinity', '1e400', '1_000', '--2']) {
      const path = file('hex.csv', `winner,loser,count\na,b,${bad}\n`);
      const error = await rejectedInputError(readComparisons(path));
      expect(error.reason).toBe(message.btBadCount(bad));
    }
    const good = await readComparisons(file('decimal.csv', 'winner,loser,count\na,b,1e12\nb,a,.5\nb,c,+2.50\nc,a,3.\n'));
    expect(Array.from(good.count)).toEqual([1e12, 0.5, 2.5, 3]);
  });
});

describe('comparisonsFromRows', () => {
  it('refuses records of mixed forms', () => {
    expect(() => comparisonsFromRows([{ winner: 'a', loser: 'b' }, { itemA: 'a', itemB: 'b', outcome: 'a' }])).toThrow(message.btMixedRows());
  });
});
