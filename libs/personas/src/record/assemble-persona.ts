import { pumsCodebook, SEED_MISSING_ITEMS } from '@persona/census';
import type { PersonalityModel } from '@persona/traits';
import type { CensusFrame } from '../census-draw/census-frame.js';
import { attributeBlock, censusLineRuns } from '../text/attribute-block.js';
import { censusSentences, profileParagraph } from '../text/profile-paragraph.js';
import { censusLabel } from './census-labels.js';
import type { PersonaRecord, Provenance } from './persona-record.js';
import { drawProceduralFields, embeddedPersonalityModel, placePerson, type PersonPlacement } from './procedural-fields.js';

/** The part of a persona that depends on its frame row only. */
interface CensusPart {
  readonly census: Readonly<Record<string, string | null>>;
  readonly recodes: Readonly<Record<string, string>>;
  readonly labels: { readonly census: Readonly<Record<string, string>> };
  /** The record's provenance: the census fields', then the procedural groups'. */
  readonly provenance: PersonaRecord['provenance'];
  /** What the procedural fields read of the census record. */
  readonly place: PersonPlacement;
  /** The text that depends on the census record only: attribute-block line runs and profile sentences (made with the row's first persona). */
  text?: { readonly runs: readonly string[]; readonly sentences: string };
}

/** A PUMS column of the frame, with the dictionary labels met so far (categorical columns only). */
type CensusField = {
  readonly name: string;
  /** A Character variable of the dictionary (codes with labels), not a Numeric one (AGEP, PINCP, …). */
  readonly labelled: boolean;
  /** Its bit in IMPFLAGS, or −1 when the hot deck never fills it. */
  readonly imputedBit: number;
  readonly labels: Map<number | string, string | undefined>;
} & ({ readonly kind: 'text'; readonly values: readonly string[] } | { readonly kind: 'int'; readonly values: Int32Array; readonly blank: Uint8Array });

/** The dictionary label of a field's code, looked up once per distinct code. */
function cachedLabel(field: CensusField, key: number | string, code: string): string | undefined {
  let label = field.labels.get(key);
  if (label === undefined && !field.labels.has(key)) {
    label = censusLabel(field.name, code);
    field.labels.set(key, label);
  }
  return label;
}

/** The decimal text of the small non-negative integers (most PUMS codes), made once and shared by every record. */
const SMALL_CODES = Array.from({ length: 1024 }, (_, i) => String(i));

/** `String(value)` of an integer code, shared for small codes. */
const codeText = (value: number) => (value >= 0 && value < SMALL_CODES.length ? SMALL_CODES[value]! : String(value));

/** Frame columns that describe the imputation or the seed's layout, not the person. */
const NOT_PERSON_FIELDS = new Set(['FULLCOLS', 'IMPFLAGS', 'IMPDONOR', 'IMPLEVEL']);

/**
 * Builds persona records from frame rows: reads every PUMS column of a row
 * once into a code object (kept per row and shared by the personas drawn from it), marks the items the hot deck filled (IMPFLAGS bit
 * j ↔ `SEED_MISSING_ITEMS[j]`) as `imputed`, adds the census recodes and the
 * dictionary labels, draws the procedural fields from the persona's own
 * streams (`personaStream(seed, id, attribute)`) with the personality model
 * `personality` (default: the model of the embedded big-five.json and
 * schwartz.json), and renders the text.
 * Everything that depends on the row only is made with the row's first
 * persona and shared by the later ones: the census, recode, label and
 * provenance objects, the person's cells in the trait models
 * (`placePerson`), and the census part of the text (`censusLineRuns`,
 * `censusSentences`); the records are the same as if each were made alone.
 */
export class PersonaAssembler {
  private readonly fields: CensusField[];
  private readonly recodeNames: string[];
  /** The frame's recode columns, in `recodeNames` order. */
  private readonly recodeColumns: Uint8Array[];
  private readonly flags: Int32Array;
  /** The census part of each frame row used so far (census codes, recodes, labels, provenance): immutable, shared by the personas drawn from that row. */
  private readonly rows: (CensusPart | undefined)[];
  /** The census fields' provenance per IMPFLAGS value (rows with the same imputed items share it). */
  private readonly provenanceByFlags = new Map<number, PersonaRecord['provenance']>();
  /** Objects with every key of a census part, copied by spread so that each part starts with all its properties (one hidden class, no transitions). */
  private readonly templates: { census: Record<string, string | null>; labels: Record<string, string | undefined>; provenance: Record<string, Provenance>; recodes: Record<string, string> };

  constructor(
    private readonly frame: CensusFrame,
    private readonly seed: number | string,
    private readonly personality: PersonalityModel = embeddedPersonalityModel(),
  ) {
    const table = frame.table;
    this.fields = table.names
      .filter((name) => !NOT_PERSON_FIELDS.has(name))
      .map((name): CensusField => {
        const column = table.column(name);
        const labelled = pumsCodebook().has(name) && pumsCodebook().variable(name).type === 'Character';
        const imputedBit = SEED_MISSING_ITEMS.indexOf(name);
        if (column.kind === 'text') return { name, kind: 'text', values: column.values, labelled, imputedBit, labels: new Map() };
        return { name, kind: 'int', values: column.values, blank: column.blank, labelled, imputedBit, labels: new Map() };
      });
    this.recodeNames = Object.keys(frame.codes);
    this.recodeColumns = this.recodeNames.map((name) => frame.codes[name]!);
    this.templates = {
      census: Object.fromEntries(this.fields.map((f) => [f.name, null])),
      labels: Object.fromEntries(this.fields.filter((f) => f.labelled).map((f) => [f.name, undefined])),
      provenance: Object.fromEntries(this.fields.map((f) => [f.name, 'census' as Provenance])),
      recodes: Object.fromEntries(this.recodeNames.map((name) => [name, ''])),
    };
    this.flags = table.int('IMPFLAGS').values;
    this.rows = new Array<CensusPart | undefined>(table.rowCount).fill(undefined);
  }

  /** The persona with id `id` made of frame row `row`, weighing `weight`. */
  assemble(id: string, row: number, weight: number): PersonaRecord {
    let part = this.rows[row];
    if (part === undefined) {
      part = this.censusPart(row);
      this.rows[row] = part;
    }
    const procedural = drawProceduralFields(this.seed, id, part.place, this.personality);
    const draft = {
      id,
      weight,
      census: part.census,
      recodes: part.recodes,
      labels: part.labels,
      traits: procedural.traits,
      bigFiveLevels: procedural.bigFiveLevels,
      values: procedural.values,
      beliefs: procedural.beliefs,
      idiosyncrasies: procedural.idiosyncrasies,
      text: { attributes: '', profile: '' },
      provenance: part.provenance,
    } satisfies PersonaRecord;
    part.text ??= { runs: censusLineRuns(draft), sentences: censusSentences(draft) };
    draft.text.attributes = attributeBlock(draft, part.text.runs);
    draft.text.profile = profileParagraph(draft, part.text.sentences);
    return draft;
  }

  private censusPart(row: number): CensusPart {
    const census = { ...this.templates.census };
    // A blank's label stays undefined: JSON leaves it out.
    const labels = { ...this.templates.labels };
    const flags = this.flags[row]!;
    for (const field of this.fields) {
      let code: string | null;
      let label: string | undefined;
      if (field.kind === 'text') {
        code = field.values[row]!;
        if (field.labelled) label = cachedLabel(field, code, code);
      } else if (field.blank[row] === 1) {
        code = null;
      } else {
        const value = field.values[row]!;
        code = codeText(value);
        if (field.labelled) label = cachedLabel(field, value, code);
      }
      census[field.name] = code;
      if (field.labelled) labels[field.name] = label;
    }
    const recodes = { ...this.templates.recodes };
    for (let r = 0; r < this.recodeNames.length; r++) recodes[this.recodeNames[r]!] = codeText(this.recodeColumns[r]![row]!);
    return { census, recodes, labels: { census: labels as Record<string, string> }, provenance: this.provenanceOf(flags), place: placePerson(census), text: undefined };
  }

  /** The provenance of a record whose row has IMPFLAGS `flags`: imputed for the hot deck's items, census for the other census fields, procedural for the rest. */
  private provenanceOf(flags: number): PersonaRecord['provenance'] {
    let provenance = this.provenanceByFlags.get(flags);
    if (provenance === undefined) {
      const census = { ...this.templates.provenance };
      for (const field of this.fields) census[field.name] = field.imputedBit >= 0 && (flags >>> field.imputedBit) & 1 ? 'imputed' : 'census';
      provenance = { census, traits: 'procedural', values: 'procedural', beliefs: 'procedural', idiosyncrasies: 'procedural', text: 'procedural' };
      this.provenanceByFlags.set(flags, provenance);
    }
    return provenance;
  }
}
