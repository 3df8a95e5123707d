import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '@persona/core';
import { pumsCodebook } from '../codebook/codebook.js';
import { message } from '../messages.js';
import { pumsSeedPath } from '../paths.js';
import { pumsColumnKind } from './column-kind.js';
import type { PumsTable } from './pums-table.js';
import { PumsTableBuilder } from './table-builder.js';

/** sha256 of data/census/acs2024_1yr_person_us_1in100hh.csv, as recorded in data/census/README.md. */
export const PUMS_SEED_SHA256 = '47af2918dd2a5db4542f14d2e9ac6a36a57391bc39c1512dfd5a4eec7c0f3b08';

/** Number of person records in the seed. */
export const PUMS_SEED_ROWS = 34_415;

/**
 * The seed keeps every person of 1 in 100 households but leaves PWGTP at the
 * full-file weight, so national totals are `sum(PWGTP) × 100`
 * (data/census/README.md: 342,476,300 against the published 340,110,990).
 */
export const PUMS_SEED_WEIGHT_MULTIPLIER = 100;

/**
 * Loads the embedded national PUMS seed: ACS 2024 1-year person records, a
 * systematic 1-in-100 sample of households (and group-quarters persons) of
 * the 50 states and DC, 34,415 persons, 39 columns (38 PUMS variables plus
 * FULLCOLS). Coded columns are integers (leading zeros gone: HISP `01` is 1);
 * SERIALNO, STATE and PUMA are text with their zero padding.
 *
 * California and Texas rows (FULLCOLS = 0, 6,901 rows) lack 26 columns: they
 * are blank because the data were not available, not because of PUMS N/A.
 * Fill them with `imputeHotDeck` before using those columns.
 *
 * PWGTP is the full-file person weight; multiply by
 * {@link PUMS_SEED_WEIGHT_MULTIPLIER} for national totals.
 *
 * @throws {Error} when the file's sha256 differs from {@link PUMS_SEED_SHA256}.
 */
export async function loadPumsSeed(): Promise<PumsTable> {
  const path = fileURLToPath(pumsSeedPath);
  const bytes = readFileSync(path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== PUMS_SEED_SHA256) throw new Error(message.seedChecksum(PUMS_SEED_SHA256, actual));
  const codebook = pumsCodebook();
  let builder: PumsTableBuilder | undefined;
  await parseCsv([bytes], path, {
    onHeader: (names) => {
      builder = new PumsTableBuilder(names, names.map((name) => pumsColumnKind(name, (n) => codebook.has(n))), path, PUMS_SEED_ROWS);
    },
    onRow: (fields, line) => builder!.push(fields, line),
  });
  return builder!.take();
}
