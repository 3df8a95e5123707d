/**
 * Derives data/census/acs2022_margins.json (CONTRACTS.md `persona rake`
 * MARGINS.json form) from data/census/us_national_margins.json.
 *
 *   npx tsx --conditions=@persona/source libs/census/scripts/make-default-margins.ts
 *
 * Each block is keyed by a recode name of `@persona/census`, with the
 * recode's category codes as keys. Blocks whose universe is narrower than
 * the total population get the out-of-universe code "0" = total population −
 * universe, so that every count block sums to the ACS 2022 total population,
 * 333,287,562. census_region is given as shares (ACS 2024 S0101 state sums ÷
 * their total): the files hold no 2022 regional counts. race_hispanic (the
 * 14 cells of B03002) is derived from the DP05 blocks: not Hispanic by race =
 * race_ethnicity's rows, Hispanic by race = race_alone − not Hispanic by race;
 * the script checks each is ≥ 0 and that the Hispanic cells sum to the
 * Hispanic total. disability (DP02) and health_insurance (DP03) are read
 * straight from the data.census.gov exports (us_national_margins.json has no
 * such blocks): their universe is the civilian noninstitutionalized
 * population, so code "0" = total population − that population (the
 * institutionalized and the Armed Forces; the recodes' own code 0 also holds
 * the noninstitutional group quarters, see data/census/README.md). race_alone, hispanic_origin and race_ethnicity are kept
 * (`persona check` compares them one by one). The script checks
 * every block's keys against the recode's categories and every count block's
 * sum against the total, and fails otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { streamCsv } from '@persona/core';
import { recodes } from '../src/recodes/registry.js';

const dataDir = new URL('../../../data/census/', import.meta.url);
const source = JSON.parse(readFileSync(new URL('us_national_margins.json', dataDir), 'utf8'));
const blocks = source.margins;
const TOTAL: number = blocks.sex.universe_total;

/** Recode name → [source block, { recode code: source category label }]. */
const MAPPING: Record<string, [string, Record<string, string>]> = {
  age_group: ['age_groups', {
    '1': 'Under 5 years', '2': '5 to 9 years', '3': '10 to 14 years', '4': '15 to 19 years', '5': '20 to 24 years',
    '6': '25 to 34 years', '7': '35 to 44 years', '8': '45 to 54 years', '9': '55 to 59 years', '10': '60 to 64 years',
    '11': '65 to 74 years', '12': '75 to 84 years', '13': '85 years and over',
  }],
  sex: ['sex', { '1': 'Male', '2': 'Female' }],
  race_alone: ['race_alone', {
    '1': 'White', '2': 'Black or African American', '3': 'American Indian and Alaska Native', '4': 'Asian',
    '5': 'Native Hawaiian and Other Pacific Islander', '6': 'Some Other Race', '7': 'Two or More Races',
  }],
  hispanic_origin: ['hispanic_origin', { '1': 'Hispanic or Latino (of any race)', '2': 'Not Hispanic or Latino' }],
  race_ethnicity: ['race_ethnicity_combined', {
    '1': 'Hispanic or Latino (any race)', '2': 'Not Hispanic: White alone', '3': 'Not Hispanic: Black or African American alone',
    '4': 'Not Hispanic: American Indian and Alaska Native alone', '5': 'Not Hispanic: Asian alone',
    '6': 'Not Hispanic: Native Hawaiian and Other Pacific Islander alone', '7': 'Not Hispanic: Some Other Race alone',
    '8': 'Not Hispanic: Two or More Races',
  }],
  education: ['educational_attainment_25plus', {
    '1': 'Less than 9th grade', '2': '9th to 12th grade, no diploma', '3': 'High school graduate (includes equivalency)',
    '4': 'Some college, no degree', '5': "Associate's degree", '6': "Bachelor's degree", '7': 'Graduate or professional degree',
  }],
  marital_status: ['marital_status_15plus', {
    '1': 'Never married', '2': 'Now married, except separated', '3': 'Separated', '4': 'Widowed', '5': 'Divorced',
  }],
  employment_status: ['employment_status_16plus', {
    '1': 'Civilian employed', '2': 'Civilian unemployed', '3': 'Armed Forces', '4': 'Not in labor force',
  }],
  nativity_citizenship: ['nativity_citizenship', {
    '1': 'Native (US citizen)', '2': 'Foreign born, naturalized US citizen', '3': 'Foreign born, not a US citizen',
  }],
  veteran_status: ['veteran_status_civilian_18plus', { '1': 'Veteran', '2': 'Nonveteran' }],
};

const margins: Record<string, Record<string, number>> = {};
for (const [name, [blockName, labels]] of Object.entries(MAPPING)) {
  const block = blocks[blockName];
  const counts: Record<string, number> = {};
  const categories = Object.keys(recodes[name].categories);
  if (categories.includes('0')) counts['0'] = TOTAL - block.universe_total;
  for (const [code, label] of Object.entries(labels)) {
    const value = block.categories[label];
    if (typeof value !== 'number') throw new Error(`${blockName} has no category "${label}"`);
    counts[code] = value;
  }
  margins[name] = counts;
}

// Race alone × Hispanic origin (B03002's 14 cells), derived exactly from the DP05 blocks: not Hispanic by
// race = race_ethnicity's seven non-Hispanic rows; Hispanic by race = race alone − not Hispanic of that race.
// Each Hispanic cell must be ≥ 0 and the Hispanic cells must sum to the Hispanic total.
margins.race_hispanic = {};
let hispanicSum = 0;
for (let race = 1; race <= 7; race++) {
  const notHispanic = margins.race_ethnicity[String(race + 1)];
  const hispanic = margins.race_alone[String(race)] - notHispanic;
  if (!(hispanic >= 0)) throw new Error(`race_hispanic: race ${race} has ${hispanic} Hispanic persons (race alone < not Hispanic)`);
  margins.race_hispanic[String(race)] = notHispanic;
  margins.race_hispanic[String(race + 7)] = hispanic;
  hispanicSum += hispanic;
}
if (hispanicSum !== margins.hispanic_origin['1']) throw new Error(`race_hispanic: Hispanic cells sum to ${hispanicSum}, not ${margins.hispanic_origin['1']}`);

// Language at home: DP02 splits other languages four ways (needs LANP); the recode keeps English only vs other.
const language = blocks.language_at_home_5plus;
const englishOnly: number = language.categories['English only'];
margins.language_at_home = { '0': TOTAL - language.universe_total, '1': englishOnly, '2': language.universe_total - englishOnly };

// Disability (DP02) and health insurance coverage (DP03), civilian noninstitutionalized population, read from the
// data.census.gov exports: the first row with the label after the section header (labels indented with NBSPs).
async function profileRows(file: string): Promise<{ section: string; label: string; estimate: number }[]> {
  const rows: { section: string; label: string; estimate: number }[] = [];
  let section = '';
  await streamCsv(fileURLToPath(new URL(file, dataDir)), {
    onRow: ([label, estimate]) => {
      const clean = label.replace(/\u00a0/g, ' ');
      if (!clean.startsWith(' ')) section = clean.trim();
      else if (estimate !== '') rows.push({ section, label: clean.trim(), estimate: Number(estimate.replace(/,/g, '')) });
    },
  });
  return rows;
}
function estimate(rows: { section: string; label: string; estimate: number }[], section: string, label: string): number {
  const row = rows.find((r) => r.section === section && r.label === label);
  if (row === undefined || !Number.isSafeInteger(row.estimate)) throw new Error(`no estimate "${label}" in section "${section}"`);
  return row.estimate;
}
const dp02 = await profileRows('ACSDP1Y2022.DP02-2024-03-02T185128.csv');
const dp03 = await profileRows('ACSDP1Y2022.DP03-2024-03-02T185055.csv');
const disabilitySection = 'DISABILITY STATUS OF THE CIVILIAN NONINSTITUTIONALIZED POPULATION';
const civilianNoninstitutional = estimate(dp02, disabilitySection, 'Total Civilian Noninstitutionalized Population');
const withDisability = estimate(dp02, disabilitySection, 'With a disability');
margins.disability = { '0': TOTAL - civilianNoninstitutional, '1': withDisability, '2': civilianNoninstitutional - withDisability };
const insuranceSection = 'HEALTH INSURANCE COVERAGE';
const insuranceUniverse = estimate(dp03, insuranceSection, 'Civilian noninstitutionalized population');
if (insuranceUniverse !== civilianNoninstitutional) throw new Error(`DP03 civilian noninstitutionalized population ${insuranceUniverse} ≠ DP02's ${civilianNoninstitutional}`);
const insured = estimate(dp03, insuranceSection, 'With health insurance coverage');
const uninsured = estimate(dp03, insuranceSection, 'No health insurance coverage');
if (insured + uninsured !== insuranceUniverse) throw new Error(`DP03: insured ${insured} + uninsured ${uninsured} ≠ ${insuranceUniverse}`);
margins.health_insurance = { '0': TOTAL - insuranceUniverse, '1': insured, '2': uninsured };

// Census region: ACS 2024 state sums, as shares of their total (no 2022 regional counts in the files).
const region = blocks.census_region_2024;
const regionLabels: Record<string, string> = { '1': 'Northeast', '2': 'Midwest', '3': 'South', '4': 'West' };
margins.census_region = Object.fromEntries(
  Object.entries(regionLabels).map(([code, label]) => [code, region.categories[label] / region.universe_total]),
);

for (const [name, block] of Object.entries(margins)) {
  const expected = Object.keys(recodes[name].categories).sort();
  const actual = Object.keys(block).sort();
  if (expected.join() !== actual.join()) throw new Error(`${name}: keys ${actual} differ from the recode's ${expected}`);
  const sum = Object.values(block).reduce((a, b) => a + b, 0);
  if (name === 'census_region' ? Math.abs(sum - 1) > 1e-12 : sum !== TOTAL) throw new Error(`${name} sums to ${sum}`);
}

// race_hispanic right after the three blocks it refines.
const names = Object.keys(margins).filter((name) => name !== 'race_hispanic');
names.splice(names.indexOf('race_ethnicity') + 1, 0, 'race_hispanic');
const ordered = Object.fromEntries(names.map((name) => [name, margins[name]]));

const out = fileURLToPath(new URL('acs2022_margins.json', dataDir));
writeFileSync(out, `${JSON.stringify({ total: TOTAL, margins: ordered }, null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
