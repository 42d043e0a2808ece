/** Largest quantity of one line: a billion units (grams of a 1,000-tonne request fit). */
export const MAX_QUANTITY = 1_000_000_000;
