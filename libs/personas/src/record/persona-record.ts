/** Where a field's value came from. */
export type Provenance = 'census' | 'imputed' | 'procedural' | 'llm';

/** Religion and politics of a persona. */
export interface Beliefs {
  readonly religion: string;
  readonly ideology: string;
  readonly party: string;
}

/** The idiosyncratic fields (curated lists of @persona/traits). */
export interface Idiosyncrasies {
  readonly quirks: string;
  readonly mannerisms: string;
  readonly hobbies: string;
  readonly lifestyle: string;
  readonly personalTime: string;
}

/**
 * One persona as `persona generate` writes it (one JSON line of the .jsonl):
 * - `census`: PUMS codes of the drawn person (strings as in the PUMS files,
 *   without leading zeros; `null` = the PUMS blank, i.e. not applicable), so
 *   that a table reader flattening one level sees them as columns `SEX`, `AGEP`, …;
 * - `recodes`: the person's categories of the ACS margin recodes (`age_group`, …);
 * - `labels.census`: the data dictionary's label of every categorical code that
 *   is not blank (nested one level deeper so that it never shadows the `census`
 *   columns; a blank's N/A label is left out to keep the file small);
 * - `weight`: the Horvitz–Thompson weight (population total / n, see `censusDraw`);
 * - `traits` (Big Five scores, SD units) and `bigFiveLevels` (PERSONA's five levels),
 *   `values` (Schwartz's ten basic values), `beliefs`, `idiosyncrasies`;
 * - `text`: the PERSONA-style attribute block and a profile paragraph;
 * - `provenance`: census / imputed (from the hot deck's IMPFLAGS) per census
 *   field, procedural for the generated groups (nested so that field names never
 *   become ambiguous columns).
 */
export interface PersonaRecord {
  readonly id: string;
  readonly weight: number;
  readonly census: Readonly<Record<string, string | null>>;
  readonly recodes: Readonly<Record<string, string>>;
  readonly labels: { readonly census: Readonly<Record<string, string>> };
  readonly traits: Readonly<Record<string, number>>;
  readonly bigFiveLevels: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, number>>;
  readonly beliefs: Beliefs;
  readonly idiosyncrasies: Idiosyncrasies;
  readonly text: { readonly attributes: string; readonly profile: string };
  readonly provenance: {
    readonly census: Readonly<Record<string, Provenance>>;
    readonly traits: Provenance;
    readonly values: Provenance;
    readonly beliefs: Provenance;
    readonly idiosyncrasies: Provenance;
    readonly text: Provenance;
  };
}
