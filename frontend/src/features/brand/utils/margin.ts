import type { Money } from '@/types/studio';

/** Price minus cost, when both are in the same currency (they always are, per template). */
export function margin(price: Money, cost: Money): Money | null {
  if (price.currency !== cost.currency) return null;
  return { amount_minor: price.amount_minor - cost.amount_minor, currency: price.currency };
}
