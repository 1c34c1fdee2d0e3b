/**
 * The forecast chart's data (GET /api/forecast, COMMISSIONS.md "Forecast"): for each currency, every coming month
 * with what is already earned and payable then, and what the client's schedule is expected to add. Amounts stay
 * decimal strings summed exactly in minor units (BigInt); only the bars' heights become numbers.
 */
import type { ForecastMonth } from '../api/types';
import { currencyDigits, fromMinorUnits, toMinorUnits } from './format';

export interface ForecastPoint {
  /** YYYY-MM */
  month: string;
  /** already earned, payable that month: a decimal string at the currency's scale */
  payable: string;
  /** expected from the client's schedule */
  fromSchedule: string;
  /** the two together */
  total: string;
}

export interface ForecastSeries {
  currency: string;
  points: ForecastPoint[];
  /** everything forecast over the months shown */
  total: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * One series per currency (alphabetical), each over the same run of months (the first to the last month the API
 * gave, none left out so the axis is true to time). A currency with nothing forecast at all is left out; no series
 * at all means nothing is forecast.
 */
export function forecastSeries(months: ForecastMonth[] | null | undefined): ForecastSeries[] {
  const byCurrency = new Map<string, Map<string, { payable: bigint; fromSchedule: bigint }>>();
  for (const item of months ?? []) {
    const currency = item?.currency ?? item?.payable?.currency ?? item?.fromSchedule?.currency;
    if (!currency || !MONTH.test(item.month ?? '')) {
      continue;
    }
    const digits = currencyDigits(currency);
    const units = (money: { amount: string; currency: string } | null | undefined): bigint =>
      money && money.currency === currency ? (toMinorUnits(money.amount, digits) ?? 0n) : 0n;
    const perMonth = byCurrency.get(currency) ?? new Map<string, { payable: bigint; fromSchedule: bigint }>();
    byCurrency.set(currency, perMonth);
    const sums = perMonth.get(item.month) ?? { payable: 0n, fromSchedule: 0n };
    sums.payable += units(item.payable);
    sums.fromSchedule += units(item.fromSchedule);
    perMonth.set(item.month, sums);
  }
  const kept = [...byCurrency.entries()]
    .filter(([, perMonth]) => [...perMonth.values()].some((s) => s.payable !== 0n || s.fromSchedule !== 0n))
    .sort(([a], [b]) => a.localeCompare(b));
  const allMonths = kept.flatMap(([, perMonth]) => [...perMonth.keys()]).sort();
  if (allMonths.length === 0) {
    return [];
  }
  const run: string[] = [];
  for (let month = allMonths[0]; month <= allMonths[allMonths.length - 1]; month = nextMonth(month)) {
    run.push(month);
  }
  return kept.map(([currency, perMonth]) => {
    const digits = currencyDigits(currency);
    let total = 0n;
    const points = run.map((month) => {
      const sums = perMonth.get(month) ?? { payable: 0n, fromSchedule: 0n };
      total += sums.payable + sums.fromSchedule;
      return {
        month,
        payable: fromMinorUnits(sums.payable, digits),
        fromSchedule: fromMinorUnits(sums.fromSchedule, digits),
        total: fromMinorUnits(sums.payable + sums.fromSchedule, digits),
      };
    });
    return { currency, points, total: fromMinorUnits(total, digits) };
  });
}
