import { SURVEY_VARIABLES, type SurveyVariable } from '../src/survey-tables/demographic-cell.js';

/**
 * Whether cell `x` of a model table over the survey variables `order` (mixed-radix
 * index, the last variable fastest) lies in the domain `given` (variable → allowed
 * levels; a variable not named is unrestricted). Shared by the religion and politics
 * model tests, which recompute published shares from the model's cells.
 */
export function cellInDomain(x: number, order: readonly SurveyVariable[], given: Record<string, string[]> | undefined): boolean {
  let rest = x;
  let inDomain = true;
  for (let v = order.length - 1; v >= 0; v--) {
    const levels: readonly string[] = SURVEY_VARIABLES[order[v]];
    const level = levels[rest % levels.length];
    rest = Math.floor(rest / levels.length);
    if (given?.[order[v]] && !given[order[v]].includes(level)) inDomain = false;
  }
  return inDomain;
}
