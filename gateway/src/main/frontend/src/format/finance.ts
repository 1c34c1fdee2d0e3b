/**
 * Pure helpers of the finance screens: finding partners by name, what is owed per currency, rates as percentages,
 * amounts per currency typed as text, the payout date rule. Money stays decimal (BigInt minor units for sums).
 */
import type { Partner, CommissionSummary } from '../api/types';
import type { PayoutBatch, Tier } from '../api/finance-types';
import { type Money, currencyDigits, fromMinorUnits, toMinorUnits } from './format';

/** Lower case, accents and inner spaces folded, so "Éclair  Ltd" is found by "eclair ltd". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The partners whose name or e-mail address contains every word of the query, by name. */
export function matchPartners(partners: Partner[], query: string): Partner[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  return partners
    .filter((partner) => {
      const haystack = foldForSearch(`${partner.name ?? ''} ${partner.email ?? ''}`);
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.partnerId.localeCompare(b.partnerId));
}

/** How a partner is named in a finance list: its name, or a short id when the directory does not know it. */
export function partnerLabel(partners: ReadonlyMap<string, Partner>, partnerId: string | null | undefined): string {
  if (!partnerId) {
    return '—';
  }
  const partner = partners.get(partnerId);
  return partner?.name ? partner.name : `${partnerId.slice(0, 8)}…`;
}

export interface LiabilityRow {
  currency: string;
  /** earned but still on hold */
  pending: string;
  /** past its hold, not yet paid */
  payable: string;
  /** the two together: what the company owes */
  owed: string;
  /** partners with something owed in this currency */
  partners: number;
}

/** What is owed per currency over every partner's summary, exact; currencies with nothing owed are left out. */
export function liabilityTotals(summaries: CommissionSummary[]): LiabilityRow[] {
  const sums = new Map<string, { pending: bigint; payable: bigint; partners: Set<string> }>();
  for (const summary of summaries) {
    for (const balance of summary?.currencies ?? []) {
      const digits = currencyDigits(balance.currency);
      const units = (money: Money | null | undefined) =>
        money && money.currency === balance.currency ? (toMinorUnits(money.amount, digits) ?? 0n) : 0n;
      const pending = units(balance.pending);
      const payable = units(balance.payable);
      const row = sums.get(balance.currency) ?? { pending: 0n, payable: 0n, partners: new Set<string>() };
      row.pending += pending;
      row.payable += payable;
      if (pending !== 0n || payable !== 0n) {
        row.partners.add(summary.partnerId);
      }
      sums.set(balance.currency, row);
    }
  }
  return [...sums.entries()]
    .filter(([, row]) => row.pending !== 0n || row.payable !== 0n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, row]) => {
      const digits = currencyDigits(currency);
      return {
        currency,
        pending: fromMinorUnits(row.pending, digits),
        payable: fromMinorUnits(row.payable, digits),
        owed: fromMinorUnits(row.pending + row.payable, digits),
        partners: row.partners.size,
      };
    });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A payout batch's `asOf`: a real date, not after today (both YYYY-MM-DD). */
export function asOfProblem(asOf: string, today: string): 'required' | 'invalid' | 'future' | null {
  if (!asOf) {
    return 'required';
  }
  if (!DATE.test(asOf) || Number.isNaN(new Date(`${asOf}T00:00:00Z`).getTime())
    || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
    return 'invalid';
  }
  return asOf > today ? 'future' : null;
}

/**
 * The latest `asOf` a payout batch may have: today, but never ahead of the UTC date, because the service judges
 * "after today" in its own zone (UTC by default) and a user east of Greenwich is already in tomorrow before midnight UTC.
 */
export function latestAsOf(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const utc = now.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}

/** The currencies a batch pays in, for one pain.001 file each. */
export function batchCurrencies(batch: PayoutBatch): string[] {
  return [...new Set((batch.lines ?? []).map((line) => line.currency ?? line.amount?.currency).filter(Boolean))].sort();
}

const DECIMAL = /^(\d+)(?:[.,](\d+))?$/;

/** Shifts a plain non-negative decimal string by a power of ten, exactly ("12.5", -2 → "0.125"). */
function shift(value: string, places: number): string | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) {
    return null;
  }
  const whole = match[1];
  const fraction = match[2] ?? '';
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) {
    digits = digits.padEnd(point, '0');
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/** "10" (percent, as people type it, comma or point) → "0.1", the API's rate; null when it is not a number 0–100. */
export function percentToRate(percent: string): string | null {
  const rate = shift(percent, -2);
  if (rate === null) {
    return null;
  }
  const [whole] = rate.split('.');
  return Number(whole) > 1 || (whole === '1' && rate !== '1') ? null : rate;
}

/** "0.125" → "12.5": the API's rate as a percentage to show and edit. */
export function rateToPercent(rate: string | number | null | undefined): string {
  if (rate === null || rate === undefined || rate === '') {
    return '';
  }
  return shift(String(rate), 2) ?? String(rate);
}

/** "EUR 1000.00; USD 500" → amounts per currency; the problem (as a token) when a part cannot be read. */
export function parseAmountsPerCurrency(text: string): { amounts: Money[] } | { problem: 'format' | 'duplicate'; part: string } {
  const amounts: Money[] = [];
  for (const raw of text.split(/[;\n]/)) {
    const part = raw.trim();
    if (!part) {
      continue;
    }
    const match = /^([A-Za-z]{3})\s*(\d+(?:[.,]\d+)?)$/.exec(part) ?? /^(\d+(?:[.,]\d+)?)\s*([A-Za-z]{3})$/.exec(part);
    if (!match) {
      return { problem: 'format', part };
    }
    const [currency, amount] = /^[A-Za-z]/.test(match[1]) ? [match[1], match[2]] : [match[2], match[1]];
    const code = currency.toUpperCase();
    if (amounts.some((m) => m.currency === code)) {
      return { problem: 'duplicate', part };
    }
    amounts.push({ currency: code, amount: amount.replace(',', '.') });
  }
  return { amounts };
}

/** The other way: amounts per currency as the text field shows them. */
export function formatAmountsPerCurrency(amounts: Money[] | null | undefined): string {
  return (amounts ?? []).map((m) => `${m.currency} ${m.amount}`).join('; ');
}

/** Tiers as the API wants them: sorted by the contract they start at. */
export function sortedTiers(tiers: Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.fromContracts - b.fromContracts);
}

/** A file name for a download: letters, digits, dot, dash and underscore only. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-');
}

/** A signed decimal amount as typed ("-12,50") → "-12.50"-style string the API reads; null when not a number. */
export function signedAmount(text: string): string | null {
  const match = /^([+-]?)\s*(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) {
    return null;
  }
  const [, sign, whole, fraction] = match;
  return `${sign === '-' ? '-' : ''}${whole}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** Is the decimal amount zero ("0", "-0.00")? */
export function isZeroAmount(amount: string): boolean {
  return /^[+-]?0*(\.0*)?$/.test(amount.trim()) && /\d/.test(amount);
}
