import { SEED_MISSING_ITEMS } from '@persona/census';
import type { CensusFrame } from '../census-draw/census-frame.js';
import { attributeBlock } from '../text/attribute-block.js';
import { profileParagraph } from '../text/profile-paragraph.js';
import { censusLabel } from './census-labels.js';
import type { PersonaRecord, Provenance } from './persona-record.js';
import { drawProceduralFields } from './procedural-fields.js';

/** The part of a persona that depends on its frame row only. */
interface CensusPart {
  readonly census: Readonly<Record<string, string | null>>;
  readonly recodes: Readonly<Record<string, string>>;
  readonly labels: { readonly census: Readonly<Record<string, string>> };
  readonly provenance: Readonly<Record<string, Provenance>>;
}

/** Frame columns that describe the imputation or the seed's layout, not the person. */
const NOT_PERSON_FIELDS = new Set(['FULLCOLS', 'IMPFLAGS', 'IMPDONOR', 'IMPLEVEL']);

/**
 * Builds persona records from frame rows: reads every PUMS column of a row
 * once into a code object (kept per row and shared by the personas drawn from it), marks the items the hot deck filled (IMPFLAGS bit
 * j ↔ `SEED_MISSING_ITEMS[j]`) as `imputed`, adds the census recodes and the
 * dictionary labels, draws the procedural fields from the persona's own
 * streams (`personaStream(seed, id, attribute)`), and renders the text.
 */
export class PersonaAssembler {
  private readonly fields: { name: string; read: (row: number) => string | null; imputedBit: number; labels: Map<string | null, string | undefined> }[];
  private readonly recodeNames: string[];
  private readonly flags: Int32Array;
  /** The census part of each frame row used so far (census codes, recodes, labels, provenance): immutable, shared by the personas drawn from that row. */
  private readonly rows = new Map<number, CensusPart>();

  constructor(
    private readonly frame: CensusFrame,
    private readonly seed: number | string,
  ) {
    const table = frame.table;
    this.fields = table.names
      .filter((name) => !NOT_PERSON_FIELDS.has(name))
      .map((name) => {
        const column = table.column(name);
        const read =
          column.kind === 'text'
            ? (row: number) => column.values[row]!
            : (row: number) => (column.blank[row] === 1 ? null : String(column.values[row]));
        return { name, read, imputedBit: SEED_MISSING_ITEMS.indexOf(name), labels: new Map<string | null, string | undefined>() };
      });
    this.recodeNames = Object.keys(frame.codes);
    this.flags = table.int('IMPFLAGS').values;
  }

  /** The persona with id `id` made of frame row `row`, weighing `weight`. */
  assemble(id: string, row: number, weight: number): PersonaRecord {
    let part = this.rows.get(row);
    if (part === undefined) {
      part = this.censusPart(row);
      this.rows.set(row, part);
    }
    const procedural = drawProceduralFields(this.seed, id, part.census);
    const draft = {
      id,
      weight,
      census: part.census,
      recodes: part.recodes,
      labels: part.labels,
      ...procedural,
      text: { attributes: '', profile: '' },
      provenance: { census: part.provenance, traits: 'procedural', values: 'procedural', beliefs: 'procedural', idiosyncrasies: 'procedural', text: 'procedural' },
    } satisfies PersonaRecord;
    draft.text.attributes = attributeBlock(draft);
    draft.text.profile = profileParagraph(draft);
    return draft;
  }

  private censusPart(row: number): CensusPart {
    const census: Record<string, string | null> = {};
    const labels: Record<string, string> = {};
    const provenance: Record<string, Provenance> = {};
    const flags = this.flags[row]!;
    for (const field of this.fields) {
      const code = field.read(row);
      census[field.name] = code;
      let label = field.labels.get(code);
      if (label === undefined && !field.labels.has(code)) {
        label = censusLabel(field.name, code);
        field.labels.set(code, label);
      }
      if (label !== undefined && code !== null) labels[field.name] = label;
      provenance[field.name] = field.imputedBit >= 0 && (flags >>> field.imputedBit) & 1 ? 'imputed' : 'census';
    }
    const recodes: Record<string, string> = {};
    for (const name of this.recodeNames) recodes[name] = String(this.frame.codes[name]![row]);
    return { census, recodes, labels: { census: labels }, provenance };
  }
}
