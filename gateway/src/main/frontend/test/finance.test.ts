import { describe, expect, it } from 'vitest';
import type { Partner } from '../src/api/types';
import type { PayoutBatch } from '../src/api/finance-types';
import { isFinance } from '../src/auth/session';
import {
  asOfProblem, batchCurrencies, latestAsOf, foldForSearch, formatAmountsPerCurrency, isZeroAmount, liabilityTotals, matchPartners,
  parseAmountsPerCurrency, partnerLabel, percentToRate, rateToPercent, safeFileName, signedAmount, sortedTiers,
} from '../src/format/finance';

const partner = (partnerId: string, name: string, email = `${partnerId}@example.test`): Partner =>
  ({ partnerId, name, email, language: 'en', parentPartnerId: null, createdAt: '2026-01-01T00:00:00Z' });
const money = (amount: string, currency: string) => ({ amount, currency });

describe('finding a partner by name', () => {
  const partners = [partner('p3', 'Zeta GmbH'), partner('p1', 'Éclair  Conseil', 'hello@eclair.fr'), partner('p2', '李伟 咨询'), partner('p4', 'Acme Ltd')];

  it('matches every word of the query in the name or the e-mail address, accents and case folded, by name', () => {
    expect(matchPartners(partners, 'eclair conseil').map((p) => p.partnerId)).toEqual(['p1']);
    expect(matchPartners(partners, 'ECLAIR.FR').map((p) => p.partnerId)).toEqual(['p1']);
    expect(matchPartners(partners, '李伟').map((p) => p.partnerId)).toEqual(['p2']);
    expect(matchPartners(partners, 'ltd acme').map((p) => p.partnerId)).toEqual(['p4']);
    expect(matchPartners(partners, 'nobody')).toEqual([]);
  });

  it('lists everyone, by name, for an empty query', () => {
    expect(matchPartners(partners, '  ').map((p) => p.name)).toEqual(['Acme Ltd', 'Éclair  Conseil', 'Zeta GmbH', '李伟 咨询']);
    expect(foldForSearch('  Crème   Brûlée ')).toBe('creme brulee');
  });

  it('names a partner, or shows a short id when the directory does not know it', () => {
    const byId = new Map(partners.map((p) => [p.partnerId, p]));
    expect(partnerLabel(byId, 'p4')).toBe('Acme Ltd');
    expect(partnerLabel(byId, 'f9cbb06f-1234-4bcd-9def-0123456789ab')).toBe('f9cbb06f…');
    expect(partnerLabel(byId, null)).toBe('—');
  });
});

describe('what is owed per currency', () => {
  it('adds every partner\'s pending and payable exactly, per currency, and counts the partners owed', () => {
    const rows = liabilityTotals([
      { partnerId: 'a', currencies: [{ currency: 'EUR', pending: money('0.10', 'EUR'), payable: money('0.20', 'EUR') }, { currency: 'JPY', pending: money('0', 'JPY'), payable: money('0', 'JPY') }] },
      { partnerId: 'b', currencies: [{ currency: 'EUR', pending: money('1234567890123.45', 'EUR'), payable: money('0.00', 'EUR') }] },
      { partnerId: 'c', currencies: [{ currency: 'BHD', pending: null, payable: money('1.005', 'BHD') }] },
    ]);
    expect(rows).toEqual([
      { currency: 'BHD', pending: '0.000', payable: '1.005', owed: '1.005', partners: 1 },
      { currency: 'EUR', pending: '1234567890123.55', payable: '0.20', owed: '1234567890123.75', partners: 2 },
    ]);
  });

  it('is empty when nothing is owed', () => {
    expect(liabilityTotals([])).toEqual([]);
    expect(liabilityTotals([{ partnerId: 'a', currencies: [{ currency: 'EUR', pending: money('0.00', 'EUR'), payable: money('0.00', 'EUR') }] }])).toEqual([]);
  });
});

describe('the date of a payout batch', () => {
  it('may be today or earlier, never later, and must be a real date', () => {
    expect(asOfProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(asOfProblem('2025-02-28', '2026-12-01')).toBeNull();
    expect(asOfProblem('2026-12-02', '2026-12-01')).toBe('future');
    expect(asOfProblem('2026-02-30', '2026-12-01')).toBe('invalid');
    expect(asOfProblem('1.12.2026', '2026-12-01')).toBe('invalid');
    expect(asOfProblem('', '2026-12-01')).toBe('required');
  });

  it('never offers a date ahead of the service\'s UTC today, nor ahead of the user\'s own today', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai'; // already 2 December there
      expect(latestAsOf(new Date('2026-12-01T23:50:00Z'))).toBe('2026-12-01');
      process.env.TZ = 'America/Los_Angeles'; // still 1 December there, 2 December in UTC
      expect(latestAsOf(new Date('2026-12-02T03:00:00Z'))).toBe('2026-12-01');
      process.env.TZ = 'UTC';
      expect(latestAsOf(new Date('2026-12-02T03:00:00Z'))).toBe('2026-12-02');
    } finally {
      if (saved === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = saved;
      }
    }
  });

  it('gives one pain.001 file per currency the batch pays in', () => {
    const batch = { lines: [
      { partnerId: 'a', currency: 'USD', amount: money('1', 'USD') },
      { partnerId: 'b', currency: 'EUR', amount: money('1', 'EUR') },
      { partnerId: 'c', currency: 'USD', amount: money('2', 'USD') },
    ] } as PayoutBatch;
    expect(batchCurrencies(batch)).toEqual(['EUR', 'USD']);
    expect(batchCurrencies({ lines: [] } as unknown as PayoutBatch)).toEqual([]);
  });
});

describe('rates as percentages', () => {
  it('turns what people type into the API\'s decimal rate, exactly', () => {
    expect(percentToRate('10')).toBe('0.1');
    expect(percentToRate('12.5')).toBe('0.125');
    expect(percentToRate('2,5')).toBe('0.025');
    expect(percentToRate('0')).toBe('0');
    expect(percentToRate('100')).toBe('1');
    expect(percentToRate('0.01')).toBe('0.0001');
    expect(percentToRate('100.5')).toBeNull();
    expect(percentToRate('-5')).toBeNull();
    expect(percentToRate('ten')).toBeNull();
  });

  it('shows the API\'s rate as a percentage', () => {
    expect(rateToPercent('0.10')).toBe('10');
    expect(rateToPercent('0.125')).toBe('12.5');
    expect(rateToPercent('1')).toBe('100');
    expect(rateToPercent('0')).toBe('0');
    expect(rateToPercent(null)).toBe('');
    for (const typed of ['7', '7.25', '33.3333', '100', '0.5']) {
      expect(rateToPercent(percentToRate(typed))).toBe(typed);
    }
  });
});

describe('amounts per currency typed as text', () => {
  it('reads "EUR 5000; USD 6000" (either order, comma decimals, lower case)', () => {
    expect(parseAmountsPerCurrency('EUR 5000; 6000.50 usd\nCNY 1,5')).toEqual({
      amounts: [money('5000', 'EUR'), money('6000.50', 'USD'), money('1.5', 'CNY')],
    });
    expect(parseAmountsPerCurrency('  ')).toEqual({ amounts: [] });
  });

  it('says which part it cannot read, and refuses a currency given twice', () => {
    expect(parseAmountsPerCurrency('EUR 5000; five dollars')).toEqual({ problem: 'format', part: 'five dollars' });
    expect(parseAmountsPerCurrency('EUR 5; EUR 6')).toEqual({ problem: 'duplicate', part: 'EUR 6' });
  });

  it('writes them back the same way', () => {
    expect(formatAmountsPerCurrency([money('5000.00', 'EUR'), money('10', 'JPY')])).toBe('EUR 5000.00; JPY 10');
    expect(formatAmountsPerCurrency(null)).toBe('');
  });
});

describe('small rules', () => {
  it('reads signed amounts and knows zero', () => {
    expect(signedAmount('-12,50')).toBe('-12.50');
    expect(signedAmount('+3')).toBe('3');
    expect(signedAmount('1e5')).toBeNull();
    expect(isZeroAmount('-0.00')).toBe(true);
    expect(isZeroAmount('0.01')).toBe(false);
  });

  it('sorts tiers by the contract they start at and makes file names safe', () => {
    expect(sortedTiers([{ fromContracts: 3, rate: '0.12' }, { fromContracts: 1, rate: '0.1' }]).map((t) => t.fromContracts)).toEqual([1, 3]);
    expect(safeFileName('tax statement/李伟 2026.pdf')).toBe('tax-statement-2026.pdf');
  });

  it('lets FINANCE and ADMIN see the finance screens, nobody else', () => {
    const claims = (roles: string[]) => ({ sub: 'x', roles, partnerId: null, exp: null }) as Parameters<typeof isFinance>[0];
    expect(isFinance(claims(['FINANCE']))).toBe(true);
    expect(isFinance(claims(['ADMIN']))).toBe(true);
    expect(isFinance(claims(['OPS']))).toBe(false);
    expect(isFinance(claims(['PARTNER']))).toBe(false);
  });
});
