/** Money and dates for people: Intl in the portal's locale. Pure functions, tested in test/format.test.ts. */

import type { Schemas } from '../api/types';

/** The API's money: a decimal string at the currency's scale and an ISO 4217 code. */
export type Money = Schemas['Money'];

/** The BCP 47 tag Intl formats a portal language with. */
export function intlLocale(language: string): string {
  switch (language) {
    case 'fr':
      return 'fr-FR';
    case 'zh':
      return 'zh-CN';
    default:
      return 'en-GB';
  }
}

/** The currency's own number of fraction digits (EUR 2, JPY 0, BHD 3), as ISO 4217 and Intl know it. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * "1234.50 EUR" as 1 234,50 € (fr) or €1,234.50 (en). The amount stays a decimal string all the way: Intl formats
 * strings exactly, so no amount ever passes through a binary double.
 */
export function formatMoney(money: Money | null | undefined, language: string): string {
  if (!money || money.amount === undefined || money.amount === null || !money.currency) {
    return '—';
  }
  const digits = currencyDigits(money.currency);
  try {
    const format = new Intl.NumberFormat(intlLocale(language), {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    // Intl.NumberFormat v3 takes a decimal string and formats it without rounding through a double
    return format.format(String(money.amount) as unknown as number);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** A plain decimal such as a commission rate "0.10" as a percentage: 10 %. */
export function formatRate(rate: string | number | null | undefined, language: string): string {
  if (rate === null || rate === undefined || rate === '') {
    return '—';
  }
  const format = new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 2 });
  return format.format(Number(rate));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date (YYYY-MM-DD, shown as that calendar day everywhere) or an instant (shown as its day in the user's zone). */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) {
    return '—';
  }
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

const MONTH_ONLY = /^(\d{4})-(\d{2})$/;

/** A calendar month (YYYY-MM) as Jan 2027 (en), janv. 2027 (fr), 2027年1月 (zh). */
export function formatMonth(value: string | null | undefined, language: string): string {
  if (!value) {
    return '—';
  }
  const match = MONTH_ONLY.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    return value;
  }
  return new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** An instant with its time of day, in the given zone (the user's own when none is given). */
export function formatDateTime(value: string | null | undefined, language: string, timeZone?: string): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/**
 * A decimal string as an exact integer count of minor units ("12.5" EUR → 1250n), for sums that must not drift.
 * Returns null for anything that is not a plain decimal.
 */
export function toMinorUnits(amount: string, digits: number): bigint | null {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(String(amount).trim());
  if (!match) {
    return null;
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) {
    return null;
  }
  const units = BigInt(whole + fraction.slice(0, digits).padEnd(digits, '0'));
  return sign === '-' ? -units : units;
}

/** Minor units back to a decimal string at the currency's scale (1250n, 2 → "12.50"). */
export function fromMinorUnits(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Today as YYYY-MM-DD in the user's zone. */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first day of the month of a YYYY-MM-DD date. */
export function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}
