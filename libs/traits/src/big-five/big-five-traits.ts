/**
 * The Big Five domains in the order PERSONA prints them ("Openness: …,
 * Conscientiousness: …, Extraversion: …, Agreeableness: …, Neuroticism: …"),
 * which is also the order of every score array of this library.
 */
export const BIG_FIVE_TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;

export type BigFiveTrait = (typeof BIG_FIVE_TRAITS)[number];

/** The labels PERSONA's attribute block uses, in {@link BIG_FIVE_TRAITS} order. */
export const BIG_FIVE_LABELS = ['Openness', 'Conscientiousness', 'Extraversion', 'Agreeableness', 'Neuroticism'] as const;
