import { describe, it } from 'vitest';
import { approxEqual, rFixture } from '../../test/approx-equal.js';
import { normalCdf } from './normal-cdf.js';

describe('normalCdf', () => {
  const { x, p } = rFixture<{ x: number[]; p: number[] }>('pnorm.json');

  it('matches R pnorm() to one ulp of 1 (2.3e-16) absolute over the whole range (oracle: test/fixtures/r/pnorm.json)', () => {
    approxEqual(x.map(normalCdf), p, { abs: 2.3e-16 }, 'pnorm');
  });

  it('matches R pnorm() to 1e-13 relative for x ≥ −3 and 1e-8 relative in the far lower tail', () => {
    const central = x.flatMap((v, i) => (v >= -3 ? [i] : []));
    const tail = x.flatMap((v, i) => (v < -3 && p[i]! > 0 ? [i] : []));
    approxEqual(central.map((i) => normalCdf(x[i]!)), central.map((i) => p[i]!), { rel: 1e-13 }, 'pnorm central');
    approxEqual(tail.map((i) => normalCdf(x[i]!)), tail.map((i) => p[i]!), { rel: 1e-8 }, 'pnorm tail');
  });
});
