import { generatePersonas, loadCensusFrame } from '@persona/personas';
const frame = await loadCensusFrame();
for (let rep = 0; rep < 3; rep++) {
  const c0 = process.cpuUsage();
  const t = performance.now();
  let c = 0;
  for (const p of generatePersonas(frame, { n: 100000, seed: rep + 1 }).personas) c += p.text.profile.length;
  const u = process.cpuUsage(c0);
  console.log('100k ms', Math.round(performance.now() - t), 'cpu', Math.round((u.user + u.system) / 1000));
}
