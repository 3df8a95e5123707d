import { NOT_IN_UNIVERSE, recodes } from '@persona/census';

/**
 * The default out-of-universe categories of margin variables: the code
 * `NOT_IN_UNIVERSE` ("0") of every `@persona/census` recode whose universe is
 * narrower than the total population (education: 25+, marital_status: 15+,
 * employment_status: 16+, veteran_status: civilian 18+, language_at_home: 5+,
 * personal_income: 15+). The embedded ACS margins carry that category so that
 * every block sums to the total population; representativeness is judged
 * within the universe, so `checkRepresentativeness` drops it from sample and
 * target and renormalises, reporting it apart. Other variables get none.
 * @example defaultNotInUniverse(['sex', 'education']) // { education: ['0'] }
 */
export function defaultNotInUniverse(variables: readonly string[]): Record<string, readonly string[]> {
  const code = String(NOT_IN_UNIVERSE);
  const out: Record<string, readonly string[]> = {};
  for (const name of variables) {
    if (Object.hasOwn(recodes, name) && Object.hasOwn(recodes[name].categories, code)) out[name] = [code];
  }
  return out;
}
