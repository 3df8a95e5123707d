import { it } from 'vitest';
import { loadCensusFrame } from './census-draw/census-frame.js';
import { generatePersonas } from './generate-personas.js';
import { validatePersonas } from './rules/validate-personas.js';
it('smoke', async () => {
  const frame = await loadCensusFrame();
  let t = performance.now();
  const { personas } = generatePersonas(frame, { n: 20000, seed: 1 });
  let i = 0; let v = 0; let bytes = 0;
  for (const p of personas) {
    if (i < 2) console.log(JSON.stringify(p, null, 1).slice(0, 6000));
    if (i < 3) console.log(p.text.attributes, '\n', p.text.profile);
    bytes += JSON.stringify(p).length;
    v += validatePersonas([{ fields: (f) => (p.census[f] === undefined ? undefined : p.census[f] === null ? null : Number(p.census[f])) }]).length;
    i++;
  }
  console.log('ms', performance.now() - t, 'violations', v, 'bytes/persona', bytes / i);
}, 120000);
