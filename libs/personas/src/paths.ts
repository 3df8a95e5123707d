/**
 * Locations of the embedded data of `@persona/personas` (data/personas/ at the
 * repository root), resolved from this module so that they work from src/ and dist/.
 */
const dataDir = new URL('../../../data/personas/', import.meta.url);

/** The declarative consistency rules (data/personas/rules.json). */
export const consistencyRulesPath = new URL('rules.json', dataDir);
/** PERSONA's persona attributes: keys in release order and the PUMS variable behind each (data/personas/persona_hf_attributes.json). */
export const personaHfAttributesPath = new URL('persona_hf_attributes.json', dataDir);
