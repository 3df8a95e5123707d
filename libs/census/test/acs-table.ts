import { fileURLToPath } from 'node:url';
import { streamCsv } from '@persona/core';

/** One row of a data.census.gov export (DP02, DP03, DP05): its section, label and estimate. */
export interface AcsRow {
  readonly section: string;
  readonly label: string;
  readonly estimate: number;
}

/**
 * Reads an ACS data-profile export as published by data.census.gov (labels
 * indented with non-breaking spaces, numbers with thousands separators): the
 * independent oracle for the margins and recode category tests.
 */
export async function readAcsProfile(file: string): Promise<AcsRow[]> {
  const rows: AcsRow[] = [];
  let section = '';
  await streamCsv(fileURLToPath(new URL(`../../../data/census/${file}`, import.meta.url)), {
    onRow: ([label, estimate]) => {
      const clean = label.replace(/\u00a0/g, ' ');
      if (!clean.startsWith(' ')) {
        section = clean.trim();
        return;
      }
      const value = Number(estimate.replace(/,/g, ''));
      if (Number.isFinite(value) && estimate !== '') rows.push({ section, label: clean.trim(), estimate: value });
    },
  });
  return rows;
}

/** The estimate of the `occurrence`-th row (0-based) labelled `label` in `section`. */
export function estimateOf(rows: readonly AcsRow[], section: string, label: string, occurrence = 0): number {
  const matches = rows.filter((row) => row.section === section && row.label === label);
  if (matches.length <= occurrence) throw new Error(`no row "${label}" #${occurrence} in section "${section}"`);
  return matches[occurrence].estimate;
}
