/**
 * @internal What the pricing forms turn their text into, and back. Only the reading of the text is
 * checked here (a number, a date); every rule on the values (ranges, currencies, duplicates) is
 * the server's, shown at its field.
 */

/** A tax rate in basis points as a percentage: 2100 → "21%", 550 → "5.5%". */
export function formatRate(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

/** A whole percentage: 10 → "10%". */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent' }).format(percent / 100);
}

/** "20" or "5.5" (a comma works too) → basis points (2000, 550); null when not such a number. */
export function parseRate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

/** Basis points as the rate field's text: 550 → "5.5". */
export function rateInputValue(bps: number): string {
  return String(bps / 100);
}

/** "fr, de nl" → ["FR", "DE", "NL"]: split on commas and spaces, upper-cased. */
export function parseCountries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
}

/** A whole count, `null` for an empty field, `undefined` when the text is no whole number. */
export function parseCount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** An ISO timestamp as a `datetime-local` input's value, in local time ("2026-03-01T09:00"). */
export function localInputValue(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an ISO timestamp; `null` when empty or not a date. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
