import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../src/format/csv';
import { statementCsvRows, statementShape } from '../src/format/statement';
import { mergeNotifications } from '../src/live/notifications';
import type { Notification } from '../src/api/types';

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

describe('statements of any reasonable shape', () => {
  const statement = {
    partnerId: 'p-1', from: '2026-11-01', to: '2026-11-30',
    opening: { amount: '0.00', currency: 'EUR' },
    entries: [
      { date: '2026-11-20', type: 'ACCRUAL', amount: { amount: '333.33', currency: 'EUR' }, explanation: '10% of 3,333.33 EUR' },
      { date: '2026-11-25', type: 'REVERSAL', amount: { amount: '-33.33', currency: 'EUR' }, referralId: 'r-9' },
    ],
    totals: [{ currency: 'EUR', amount: { amount: '300.00', currency: 'EUR' } }],
  };

  it('sorts fields from tables', () => {
    const shape = statementShape(statement);
    expect(shape.fields.map(([k]) => k)).toEqual(['partnerId', 'from', 'to', 'opening']);
    expect(shape.tables.map((t) => [t.name, t.columns])).toEqual([
      ['entries', ['date', 'type', 'amount', 'explanation', 'referralId']],
      ['totals', ['currency', 'amount']],
    ]);
  });

  it('downloads the biggest table, money split into amount and currency', () => {
    expect(statementCsvRows(statementShape(statement))).toEqual({
      header: ['date', 'type', 'amount', 'amountCurrency', 'explanation', 'referralId'],
      rows: [
        ['2026-11-20', 'ACCRUAL', '333.33', 'EUR', '10% of 3,333.33 EUR', ''],
        ['2026-11-25', 'REVERSAL', '-33.33', 'EUR', '', 'r-9'],
      ],
    });
  });

  it('has nothing to download when there are no lines', () => {
    expect(statementCsvRows(statementShape({ partnerId: 'p', entries: [] }))).toBeNull();
    expect(statementShape('nonsense')).toEqual({ fields: [], tables: [] });
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
