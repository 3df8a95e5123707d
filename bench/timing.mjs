// Timing helpers shared by the benchmarks (bench/*.bench.mjs): wall clock and this process's
// CPU time (user + system). On a shared machine the wall clock also counts other processes'
// time slices, so the CPU time is the steadier figure; both are reported.
import { loadavg } from 'node:os';

/** Wall-clock and CPU seconds of one call of `fn`, and its result. */
export function measure(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, result };
}

/** {@link measure} of an async `fn` (awaited inside the timed span). */
export async function measureAsync(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, result };
}

/** `repeats` calls `fn(r)`, r = 0, 1, …: wall-clock and CPU seconds of each (in call order), and the last result. */
export function repeat(fn, repeats) {
  const wall = [];
  const cpu = [];
  let result;
  for (let r = 0; r < repeats; r++) {
    const m = measure(() => fn(r));
    wall.push(m.wall);
    cpu.push(m.cpu);
    result = m.result;
  }
  return { wall, cpu, result };
}

/** {@link repeat} of an async `fn`, one call after the other. */
export async function repeatAsync(fn, repeats) {
  const wall = [];
  const cpu = [];
  let result;
  for (let r = 0; r < repeats; r++) {
    const m = await measureAsync(() => fn(r));
    wall.push(m.wall);
    cpu.push(m.cpu);
    result = m.result;
  }
  return { wall, cpu, result };
}

/** Best of `repeats` calls: the fastest wall-clock and the fastest CPU seconds (each on its own), and the last result. */
export function bestOf(fn, repeats) {
  const { wall, cpu, result } = repeat(fn, repeats);
  return { wall: Math.min(...wall), cpu: Math.min(...cpu), result };
}

/** {@link bestOf} of an async `fn`. */
export async function bestOfAsync(fn, repeats) {
  const { wall, cpu, result } = await repeatAsync(fn, repeats);
  return { wall: Math.min(...wall), cpu: Math.min(...cpu), result };
}

/** The middle value of `xs` (the upper one of the two for an even count), `xs` left unsorted. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The 1-minute load average, to 2 decimals (how busy the machine was while timing). */
export const loadAverage1min = () => Number(loadavg()[0].toFixed(2));
