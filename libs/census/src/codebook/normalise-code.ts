/**
 * The canonical form of a PUMS code, so that the padded codes of the data
 * dictionary (`01`, `0010`) and the unpadded codes of the seed and of files
 * whose coded columns were stored as integers (`1`, `10`) compare equal.
 *
 * - A blank (`''`, or the dictionary's `b`, `bb`, … placeholders) becomes `''`.
 * - An optionally signed run of digits loses its leading zeros (`"01"` → `"1"`,
 *   `"000"` → `"0"`, `"-04"` → `"-4"`).
 * - Anything else (`2024GQ0000001`, SOCP `11-1011`) is kept as written, trimmed.
 *
 * @example normaliseCode('01') // '1'
 * @example normaliseCode('bbbb') // ''
 */
export function normaliseCode(code: string | number): string {
  if (typeof code === 'number') return String(code);
  const text = code.trim();
  if (text === '' || /^b+$/.test(text)) return '';
  const match = /^(-?)0*(\d+)$/.exec(text);
  if (match === null) return text;
  const digits = match[2];
  return digits === '0' ? '0' : `${match[1]}${digits}`;
}
