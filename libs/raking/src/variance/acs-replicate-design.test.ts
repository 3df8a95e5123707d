import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { list, varianceFixture as fixture } from '../../test/variance-fixture.js';
import { message } from '../messages.js';
import { acsReplicateDesign } from './acs-replicate-design.js';
import { sdrShares } from './replicate-variance.js';

describe('acsReplicateDesign', () => {
  it('reads PWGTP and PWGTP1..80 as CSV strings; shares SEs as R svymean on the svrepdesign', () => {
    const columns: Record<string, string[]> = { PWGTP: fixture.data.w.map(String), CAT: fixture.data.cat };
    fixture.data.replicates.forEach((r, j) => { columns[`PWGTP${j + 1}`] = r.map(String); });
    const design = acsReplicateDesign(columns);
    expect(design.scale).toBe(4 / 80);
    const shares = sdrShares(design, columns.CAT!);
    // Oracle: R survey svymean(~cat, svrepdesign(type = "successive-difference", mse = TRUE)), make-fixtures.R
    const r = fixture.replicate.shares!;
    list(r.names).forEach((name, i) => {
      expectApproxEqual(shares.get(name.replace(/^cat/, ''))!.se, list(r.se)[i]!, 1e-8, name);
    });
  });

  it('names the column and row of a bad value, and a missing replicate column', () => {
    const columns: Record<string, string[]> = { PWGTP: ['10', '12'] };
    for (let r = 1; r <= 80; r++) columns[`PWGTP${r}`] = ['9', '11'];
    columns.PWGTP17 = ['9', 'x'];
    let caught: unknown;
    try { acsReplicateDesign(columns); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).reason).toBe(message.notANumber('x'));
    expect((caught as InputError).location).toEqual({ field: 'PWGTP17', index: 1 });
    delete columns.PWGTP80;
    columns.PWGTP17 = ['9', '11'];
    expect(() => acsReplicateDesign(columns)).toThrow(message.columnNotInPopulation('PWGTP80', Object.keys(columns)));
  });
});
