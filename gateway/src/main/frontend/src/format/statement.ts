/**
 * A partner's statement (GET /api/statements/{partnerId}?from=&to=): per currency, the opening balance, what was
 * earned, reversed and paid in the period, the closing balance and the ledger entries behind them. The API offers
 * partners no CSV of it (its CSV exports are for finance), so the portal writes the CSV from the statement. Pure.
 */
import type { LedgerEntry, Nullable, Schemas } from '../api/types';
import type { Cell } from './csv';

/** A balance with nothing in the period is null. */
export type CurrencyStatement = Omit<Nullable<Schemas['CurrencyStatement'], (typeof STATEMENT_BALANCES)[number]>, 'entries'>
  & { entries: LedgerEntry[] };

export type Statement = Omit<Nullable<Schemas['Statement'], 'from' | 'to'>, 'currencies'> & { currencies: CurrencyStatement[] };

export const STATEMENT_BALANCES = ['openingBalance', 'accrued', 'reversed', 'paid', 'closingBalance'] as const;

export const STATEMENT_CSV_HEADER = [
  'currency', 'date', 'type', 'role', 'referralId', 'amount', 'rate', 'basis', 'payableAt', 'batchId', 'explanation', 'entryId',
];

/** One CSV line per ledger entry of the statement, currency by currency, oldest first. */
export function statementCsvRows(statement: Statement): Cell[][] {
  return (statement.currencies ?? []).flatMap((part) => [...(part.entries ?? [])]
    .sort((a, b) => entryDate(a).localeCompare(entryDate(b)) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))
    .map((entry) => [
      part.currency,
      entryDate(entry),
      entry.type,
      entry.role ?? '',
      entry.referralId ?? '',
      entry.amount?.amount ?? '',
      entry.rate ?? '',
      entry.basis ? `${entry.basis.amount} ${entry.basis.currency}` : '',
      entry.payableAt ?? '',
      entry.batchId ?? '',
      entry.explanation ?? '',
      entry.entryId,
    ]));
}

/** The day an entry belongs to: the date of the client cash or payout, else the day it was booked. */
export function entryDate(entry: LedgerEntry): string {
  return (entry.occurredOn ?? entry.createdAt ?? '').slice(0, 10);
}
