/** What `writePersonas` can write. */
export const PERSONA_FORMATS = ['jsonl', 'csv', 'parquet', 'persona-hf'] as const;
export type PersonaFormat = (typeof PERSONA_FORMATS)[number];
