/**
 * PUMS columns kept as text: identifiers, and geographic codes whose zero
 * padding is part of the code (STATE `06`, PUMA `03701`), plus the character
 * codes that contain letters (NAICSP `4MS`, SOCP `11-1011`).
 */
const TEXT_COLUMNS = new Set(['SERIALNO', 'RT', 'STATE', 'ST', 'PUMA', 'NAICSP', 'SOCP']);

/**
 * How a PUMS column is stored in a {@link PumsTable}: text for the columns above
 * and for names the data dictionary does not know (a user's own extra
 * columns); integer codes for every other dictionary variable (all PUMS codes
 * and amounts are integers), the seed's FULLCOLS flag and the replicate weights.
 */
export function pumsColumnKind(name: string, isDictionaryVariable: (name: string) => boolean): 'int' | 'text' {
  if (TEXT_COLUMNS.has(name)) return 'text';
  if (name === 'FULLCOLS' || /^PWGTP\d+$/.test(name)) return 'int';
  return isDictionaryVariable(name) ? 'int' : 'text';
}
