import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../src/api/types';
import { commissionSeries } from '../src/format/series';

let n = 0;
function entry(type: LedgerEntry['type'], amount: string, currency: string, day: string): LedgerEntry {
  n += 1;
  return {
    entryId: `e${n}`, partnerId: 'p', referralId: type === 'PAYOUT' ? null : 'r', role: type === 'PAYOUT' ? null : 'INTRODUCER',
    type, amount: { amount, currency }, rate: null, basis: null, payableAt: null, createdAt: `${day}T12:00:00Z`,
    explanation: null, occurredOn: day,
  };
}

describe('commission over time', () => {
  it('adds up the worked example exactly (333.33 + 333.34 + 333.33 = 1,000.00)', () => {
    const series = commissionSeries([
      entry('ACCRUAL', '333.34', 'EUR', '2026-11-10'),
      entry('ACCRUAL', '333.33', 'EUR', '2026-11-01'),
      entry('ACCRUAL', '333.33', 'EUR', '2026-11-20'),
    ]);
    expect(series).toEqual([{ currency: 'EUR', points: [
      { date: '2026-11-01', earned: '333.33', paid: '0.00' },
      { date: '2026-11-10', earned: '666.67', paid: '0.00' },
      { date: '2026-11-20', earned: '1000.00', paid: '0.00' },
    ] }]);
  });

  it('takes reversals off what was earned, and counts payouts as paid', () => {
    const series = commissionSeries([
      entry('ACCRUAL', '1000.00', 'EUR', '2026-11-01'),
      entry('REVERSAL', '-333.33', 'EUR', '2026-11-05'),
      entry('PAYOUT', '-666.67', 'EUR', '2026-12-01'),
    ]);
    expect(series[0].points.map((p) => [p.earned, p.paid])).toEqual([
      ['1000.00', '0.00'], ['666.67', '0.00'], ['666.67', '666.67'],
    ]);
  });

  it('keeps currencies apart, each at its own scale, and several entries of a day in one point', () => {
    const series = commissionSeries([
      entry('ACCRUAL', '100000', 'JPY', '2026-11-02'),
      entry('ACCRUAL', '10.00', 'CNY', '2026-11-01'),
      entry('ACCRUAL', '5.50', 'CNY', '2026-11-01'),
    ]);
    expect(series).toEqual([
      { currency: 'CNY', points: [{ date: '2026-11-01', earned: '15.50', paid: '0.00' }] },
      { currency: 'JPY', points: [{ date: '2026-11-02', earned: '100000', paid: '0' }] },
    ]);
  });

  it('has nothing to chart without entries', () => {
    expect(commissionSeries([])).toEqual([]);
  });
});
