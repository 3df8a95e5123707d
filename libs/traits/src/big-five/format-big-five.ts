import { message } from '../messages.js';
import { BIG_FIVE_LABELS } from './big-five-traits.js';
import type { BigFiveLevel } from './big-five-levels.js';

/**
 * PERSONA's one-line Big Five field (FORMAT.md, `big five scores:`):
 * `Openness: High, Conscientiousness: Extremely High, Extraversion: Average,
 * Agreeableness: High, Neuroticism: Low` — the five levels in
 * {@link BIG_FIVE_TRAITS} order.
 *
 * @throws RangeError when not given exactly five levels.
 */
export function formatBigFive(levels: readonly BigFiveLevel[]): string {
  if (levels.length !== 5) throw new RangeError(message.wrongLevelCount(levels.length));
  return BIG_FIVE_LABELS.map((label, i) => `${label}: ${levels[i]}`).join(', ');
}
