import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../src/format/csv';
import { STATEMENT_CSV_HEADER, type Statement, statementCsvRows } from '../src/format/statement';
import { mergeNotifications } from '../src/live/notifications';
import type { LedgerEntry, Notification } from '../src/api/types';

describe('CSV', () => {
  it('quotes what needs quoting', () => {
    expect(csvField('Acme, Ltd')).toBe('"Acme, Ltd"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField('上海')).toBe('上海');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative amounts', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-333.33')).toBe('-333.33');
  });

  it('writes a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, null]])).toBe('a,b\r\n1,x\r\n2,\r\n');
  });
});

describe('the statement as CSV', () => {
  const entry = (id: string, occurredOn: string, type: LedgerEntry['type'], amount: string): LedgerEntry => ({
    entryId: id, partnerId: 'p-1', referralId: type === 'PAYOUT' ? null : 'r-9', role: type === 'PAYOUT' ? null : 'INTRODUCER', type,
    amount: { amount, currency: 'EUR' }, rate: type === 'PAYOUT' ? null : '0.10',
    basis: type === 'PAYOUT' ? null : { amount: '3333.33', currency: 'EUR' }, payableAt: type === 'PAYOUT' ? null : '2026-12-04',
    createdAt: `${occurredOn}T09:00:00Z`, explanation: type === 'PAYOUT' ? null : '10% of a 3,333.33 EUR payment, "tier 1"',
    occurredOn, batchId: type === 'PAYOUT' ? 'b-1' : null,
  });
  const statement: Statement = {
    partnerId: 'p-1', from: '2026-11-01', to: '2026-11-30',
    currencies: [{
      currency: 'EUR',
      openingBalance: { amount: '0.00', currency: 'EUR' }, accrued: { amount: '333.33', currency: 'EUR' },
      reversed: { amount: '0.00', currency: 'EUR' }, paid: { amount: '333.33', currency: 'EUR' },
      closingBalance: { amount: '0.00', currency: 'EUR' },
      entries: [entry('e2', '2026-11-28', 'PAYOUT', '-333.33'), entry('e1', '2026-11-20', 'ACCRUAL', '333.33')],
    }],
  };

  it('writes one line per entry, oldest first, with every field a bookkeeper needs', () => {
    expect(statementCsvRows(statement)).toEqual([
      ['EUR', '2026-11-20', 'ACCRUAL', 'INTRODUCER', 'r-9', '333.33', '0.10', '3333.33 EUR', '2026-12-04', '',
        '10% of a 3,333.33 EUR payment, "tier 1"', 'e1'],
      ['EUR', '2026-11-28', 'PAYOUT', '', '', '-333.33', '', '', '', 'b-1', '', 'e2'],
    ]);
    expect(STATEMENT_CSV_HEADER).toHaveLength(statementCsvRows(statement)[0].length);
  });

  it('quotes the explanation that holds commas and quotes', () => {
    const csv = toCsv(STATEMENT_CSV_HEADER, statementCsvRows(statement));
    expect(csv.split('\r\n')[1]).toContain('"10% of a 3,333.33 EUR payment, ""tier 1"""');
  });

  it('has no line for a period without entries', () => {
    expect(statementCsvRows({ ...statement, currencies: [] })).toEqual([]);
  });
});

describe('the notification feed', () => {
  const n = (id: string, at: string) => ({ notificationId: id, createdAt: at } as Notification);

  it('shows each notification once, newest first, whether it came from the list or the stream', () => {
    const merged = mergeNotifications([n('a', '2026-11-01T00:00:00Z'), n('b', '2026-11-02T00:00:00Z')],
      [n('c', '2026-11-03T00:00:00Z'), n('a', '2026-11-01T00:00:00Z')]);
    expect(merged.map((x) => x.notificationId)).toEqual(['c', 'b', 'a']);
  });
});
