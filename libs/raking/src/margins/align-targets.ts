import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { EncodedVariable } from '../cells/categorical-variable.js';
import { categoryHint } from './category-hint.js';
import { sampleRowLine, type InputSource } from './input-source.js';

/**
 * Aligns one variable's margin block with the sample's categories, comparing
 * category keys as strings: returns the target of each level (by code) and
 * the block's sum. A margin category absent from the sample is allowed with
 * target 0 and infeasible with a positive target.
 * @throws {InputError} for a target that is not a finite number ≥ 0, a positive
 *   target for a category no row has, or a sample category the block lacks
 *   (with a hint when the keys differ only in spelling, e.g. `"01"` vs `"1"`).
 */
export function alignTargets(
  variable: EncodedVariable,
  block: Readonly<Record<string, number>>,
  source: InputSource = {},
): { target: Float64Array; sum: number } {
  const where = (field: string) => ({ file: source.marginsFile, field });
  const target = new Float64Array(variable.levels.length);
  const levelIndex = new Map(variable.levels.map((l, i) => [l, i]));
  let sum = 0;
  for (const category of Object.keys(block)) {
    const value = block[category];
    if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
      throw new InputError(message.targetNotNumber(variable.name, category, value), where(`margins.${variable.name}.${category}`));
    }
    sum += value;
    const code = levelIndex.get(category);
    if (code !== undefined) target[code] = value;
    else if (value > 0) {
      const hint = categoryHint(category, variable.levels);
      throw new InputError(message.targetCategoryNotInSample(variable.name, category, value, hint), where(`margins.${variable.name}`));
    }
  }
  const missing = variable.levels.findIndex((l) => !Object.hasOwn(block, l));
  if (missing >= 0) {
    const known = Object.keys(block);
    let first = -1;
    let rows = 0;
    for (let i = 0; i < variable.codes.length; i++) {
      if (variable.codes[i] === missing) {
        rows++;
        if (first < 0) first = i;
      }
    }
    const category = variable.levels[missing];
    throw new InputError(message.sampleCategoryWithoutTarget(variable.name, category, first, rows, known, categoryHint(category, known)), {
      file: source.sampleFile,
      field: variable.name,
      ...sampleRowLine(source, first),
    });
  }
  return { target, sum };
}
