/**
 * The chart's data: for each currency, the partner's cumulative commission (accruals less reversals) at the end of
 * each day an entry was booked, and what has been paid out. Sums are exact (minor units in BigInt).
 */
import type { LedgerEntry } from '../api/types';
import { currencyDigits, fromMinorUnits, toMinorUnits } from './format';

export interface SeriesPoint {
  /** YYYY-MM-DD */
  date: string;
  /** cumulative earned at the end of that day, a decimal string */
  earned: string;
  /** cumulative paid out at the end of that day */
  paid: string;
}

export interface CurrencySeries {
  currency: string;
  points: SeriesPoint[];
}

/** The day an entry counts on: the cash's date when the API gives it, else the day it was booked. */
export function entryDay(entry: LedgerEntry): string {
  return (entry.occurredOn ?? entry.createdAt ?? '').slice(0, 10);
}

export function commissionSeries(entries: LedgerEntry[]): CurrencySeries[] {
  const byCurrency = new Map<string, Map<string, { earned: bigint; paid: bigint }>>();
  for (const entry of entries) {
    const currency = entry.amount?.currency;
    if (!currency) {
      continue;
    }
    const digits = currencyDigits(currency);
    const units = toMinorUnits(entry.amount.amount, digits);
    if (units === null) {
      continue;
    }
    const days = byCurrency.get(currency) ?? new Map<string, { earned: bigint; paid: bigint }>();
    byCurrency.set(currency, days);
    const day = entryDay(entry);
    const totals = days.get(day) ?? { earned: 0n, paid: 0n };
    if (entry.type === 'PAYOUT') {
      totals.paid += units < 0n ? -units : units; // payouts are booked negative: the chart shows what was paid
    } else {
      totals.earned += units; // an ACCRUAL is positive, a REVERSAL negative
    }
    days.set(day, totals);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, days]) => {
      const digits = currencyDigits(currency);
      let earned = 0n;
      let paid = 0n;
      const points = [...days.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, totals]) => {
          earned += totals.earned;
          paid += totals.paid;
          return { date, earned: fromMinorUnits(earned, digits), paid: fromMinorUnits(paid, digits) };
        });
      return { currency, points };
    });
}
