// Formatting helpers, written as an ES module.
import { currency } from './config';
import * as strings from './strings.js';

/** Cents as "¥12.30". */
export function formatPrice(cents) {
  return currency + (cents / 100).toFixed(2);
}

export const plural = (n, word) => n === 1 ? word : strings.plural(word);

export default {
  formatPrice,
  plural,
};
