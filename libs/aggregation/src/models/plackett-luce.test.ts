import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { readModelFixture } from '../../test/model-fixtures.js';
import { message } from '../messages.js';
import { plackettLuce } from './plackett-luce.js';
import { rankingsFromLists, type RankingList } from './plackett-luce-rankings.js';
import { choiceStages, stagesLogLik } from './plackett-luce-stages.js';

interface Case {
  name: string;
  items: string[];
  rankings: RankingList[];
  topK: boolean[];
  weights: number[];
  maxTieOrder: number;
  logWorth: number[];
  se: number[];
  logLik: number;
  logTie?: number[];
  logTieSe?: number[];
  btmLogStrength?: number[];
  btmSe?: number[];
}
const fixture = readModelFixture<Record<'untied' | 'ties' | 'twoItems', Case>>('plackett-luce.json');
const rankingsOf = (c: Case) => rankingsFromLists(c.items, c.rankings, { weights: c.weights, topK: c.topK });

describe('plackettLuce', () => {
  for (const key of ['untied', 'ties', 'twoItems'] as const) {
    it(`matches R's log-linear (Poisson glm) Plackett–Luce fit on ${fixture[key].name}`, () => {
      const c = fixture[key];
      const fit = plackettLuce(rankingsOf(c), { maxTieOrder: c.maxTieOrder });
      expect(fit.converged).toBe(true);
      expect(fit.method).toBe(c.maxTieOrder === 1 ? 'mm' : 'newton');
      c.items.forEach((_, i) => {
        // oracle: make-fixtures.R §4, glm(y ~ 0 + stage + items, family = poisson) on the expanded
        // choice stages (the conditional-logit form of PL / Davidson–Luce), centred to mean zero
        approxEqual(fit.logWorth[i], c.logWorth[i], 1e-6);
        approxEqual(fit.se![i], c.se[i], 1e-6);
      });
      approxEqual(fit.logLik, c.logLik, 1e-9);
      (c.logTie ?? []).forEach((t, k) => {
        approxEqual(fit.logTie[k], t, 1e-6);
        approxEqual(fit.logTieSe![k], c.logTieSe![k], 1e-6);
      });
    });
  }

  it('on rankings of two items equals Bradley–Terry (BradleyTerry2::BTm, logit link)', () => {
    const c = fixture.twoItems;
    const fit = plackettLuce(rankingsOf(c));
    c.items.forEach((_, i) => {
      // oracle: BTm(cbind(w1, w2), p1, p2) in make-fixtures.R, centred to mean zero
      approxEqual(fit.logWorth[i], c.btmLogStrength![i], 1e-6);
      approxEqual(fit.se![i], c.btmSe![i], 1e-6);
    });
  });

  it('has zero score at the MM estimate (first-order optimality, closed form)', () => {
    const c = fixture.untied;
    const rankings = rankingsOf(c);
    const fit = plackettLuce(rankings);
    const gradient = new Float64Array(c.items.length);
    stagesLogLik(choiceStages(rankings, 1), fit.logWorth, gradient);
    for (const g of gradient) approxEqual(g, 0, 1e-12, 1e-7);
  });

  it('gives the same estimates for a ranking listed twice and for weight 2', () => {
    const items = ['a', 'b', 'c'];
    const lists: RankingList[] = [['a', 'b', 'c'], ['b', 'c', 'a'], ['c', 'a'], ['a', 'c', 'b']];
    const doubled = plackettLuce(rankingsFromLists(items, [...lists, lists[0]]));
    const weighted = plackettLuce(rankingsFromLists(items, lists, { weights: [2, 1, 1, 1] }));
    // closed form: the likelihood of a weighted ranking is its likelihood to the power of the weight
    items.forEach((_, i) => approxEqual(weighted.logWorth[i], doubled.logWorth[i], 1e-9));
  });

  it('rejects unknown and repeated items, short rankings, oversized ties, ties in top-k, and unidentified items', () => {
    const items = ['a', 'b', 'c'];
    expect(() => rankingsFromLists(items, [['a', 'z']])).toThrow(message.rankingUnknownItem('z'));
    expect(() => rankingsFromLists(items, [['a', 'b', 'a']])).toThrow(message.rankingDuplicateItem('a'));
    expect(() => rankingsFromLists(items, [['a']])).toThrow(message.rankingTooShort(1));
    expect(() => rankingsFromLists(items, [])).toThrow(message.noRankings());
    expect(() => rankingsFromLists(items, [[['a', 'b']]], { topK: [true] })).toThrow(message.tiesInTopK());
    const tied = rankingsFromLists(items, [[['a', 'b', 'c']], ['c', 'a', 'b'], ['b', 'c', 'a']]);
    expect(() => plackettLuce(tied, { maxTieOrder: 2 })).toThrow(message.tieTooLarge(3, 2));
    expect(() => plackettLuce(tied, { maxTieOrder: 0 })).toThrow(message.badTieOrder(0));
    // c is ranked last every time: no finite MLE
    const lastC = rankingsFromLists(items, [['a', 'b', 'c'], ['b', 'a', 'c']]);
    expect(() => plackettLuce(lastC)).toThrow(InputError);
    expect(() => plackettLuce(lastC)).toThrow(message.modelNotIdentified('Plackett–Luce', ['c']));
  });
});
