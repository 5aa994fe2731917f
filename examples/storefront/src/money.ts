import { formatMoney } from '@agentstack/react';

/** Money as the shop shows it: `€18.50`. */
export function money(m: { amount: number; currency: string }): string {
  return formatMoney(m, navigator.language || 'en-US');
}
