// Big Five + Schwartz values drawing speed (issue #4): 100,000 personas with seeded ages
// (0–90) and PUMS sex codes, each persona drawing its own `big5` and `values` streams
// (personaStream) and one joint 15-dimensional normal through the precomputed Cholesky
// factor. Target: well under 0.5 s for 100,000. Also times building the model (JSON
// loading, PD check, Higham correction) and Big Five levels + PERSONA text for every persona.
import { Rng } from '@persona/core';
import { bigFiveLevel, drawPersonalities, formatBigFive, personalityModel } from '@persona/traits';
import { bestOf, loadAverage1min } from './timing.mjs';

/** Best of REPEATS runs, wall clock and this process's CPU time (bench/timing.mjs). */
const REPEATS = 5;

export async function run() {
  const n = 100_000;
  const rng = Rng.fromSeed(20261127).split('traits-bench');
  const ids = Array.from({ length: n }, (_, i) => i);
  const ages = Float64Array.from({ length: n }, () => rng.int(91));
  const sexes = Uint8Array.from({ length: n }, () => 1 + rng.int(2));

  const model = bestOf(() => personalityModel(), REPEATS);
  const draw = bestOf(() => drawPersonalities(model.result, 1, ids, ages, sexes), REPEATS);
  const cuts = model.result.bigFive.levelCuts;
  const text = bestOf(() => {
    const out = new Array(n);
    const levels = new Array(5);
    const b = draw.result.bigFive;
    for (let p = 0; p < n; p++) {
      for (let t = 0; t < 5; t++) levels[t] = bigFiveLevel(b[5 * p + t], cuts);
      out[p] = formatBigFive(levels);
    }
    return out;
  }, REPEATS);
  return {
    personas: n,
    dimensions: 15,
    modelBuild: { seconds: Number(model.wall.toFixed(4)), higham: model.result.correction },
    drawBigFiveAndValues: {
      seconds: Number(draw.wall.toFixed(4)),
      cpuSeconds: Number(draw.cpu.toFixed(4)),
      perPersonaMicroseconds: Number(((draw.wall / n) * 1e6).toFixed(3)),
      targetSeconds: 0.5,
      withinTarget: draw.wall <= 0.5,
    },
    levelsAndText: { seconds: Number(text.wall.toFixed(4)), cpuSeconds: Number(text.cpu.toFixed(4)) },
    loadAverage1min: loadAverage1min(),
  };
}
