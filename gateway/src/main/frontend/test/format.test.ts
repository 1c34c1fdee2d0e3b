import { afterEach, describe, expect, it } from 'vitest';
import {
  currencyDigits, firstOfMonth, formatDate, formatDateTime, formatMoney, formatRate, fromMinorUnits, toMinorUnits,
} from '../src/format/format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const spaces = (text: string) => text.replace(new RegExp(`[${NNBSP}${NBSP}]`, 'g'), ' ');

describe('money per locale', () => {
  it('formats euros the way each language writes them', () => {
    const money = { amount: '1234.50', currency: 'EUR' };
    expect(formatMoney(money, 'en')).toBe('€1,234.50');
    expect(spaces(formatMoney(money, 'fr'))).toBe('1 234,50 €');
    expect(formatMoney(money, 'zh')).toBe('€1,234.50');
  });

  it('shows yuan in Chinese with the yuan sign', () => {
    expect(formatMoney({ amount: '80000', currency: 'CNY' }, 'zh')).toBe('¥80,000.00');
  });

  it('keeps each currency at its own number of decimals', () => {
    expect(formatMoney({ amount: '100000', currency: 'JPY' }, 'en')).toBe('JP¥100,000');
    expect(spaces(formatMoney({ amount: '1.250', currency: 'BHD' }, 'en'))).toBe('BHD 1.250');
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
  });

  it('formats a huge amount exactly, never through a double', () => {
    expect(formatMoney({ amount: '12345678901234567.89', currency: 'EUR' }, 'en')).toBe('€12,345,678,901,234,567.89');
  });

  it('shows negative amounts (reversals) with their sign', () => {
    expect(formatMoney({ amount: '-333.33', currency: 'EUR' }, 'en')).toBe('-€333.33');
  });

  it('shows a dash for no amount, and the raw value for an unknown currency', () => {
    expect(formatMoney(null, 'en')).toBe('—');
    expect(formatMoney({ amount: '5', currency: 'XXXX' }, 'en')).toBe('5 XXXX');
  });

  it('formats rates as percentages', () => {
    expect(formatRate('0.10', 'en')).toBe('10%');
    expect(spaces(formatRate('0.125', 'fr'))).toBe('12,5 %');
  });
});

describe('dates per locale', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('writes a date in each language', () => {
    expect(formatDate('2026-11-23', 'en')).toBe('23 Nov 2026');
    expect(formatDate('2026-11-23', 'fr')).toBe('23 nov. 2026');
    expect(formatDate('2026-11-23', 'zh')).toBe('2026年11月23日');
  });

  it('keeps a calendar date on its day in a zone west of UTC', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2026-11-01', 'en')).toBe('1 Nov 2026');
  });

  it('shows an instant in the zone asked for', () => {
    expect(formatDateTime('2026-11-23T10:15:30Z', 'en', 'UTC')).toBe('23 Nov 2026, 10:15');
    expect(formatDateTime('2026-11-23T10:15:30Z', 'zh', 'Asia/Shanghai')).toBe('2026年11月23日 18:15');
    expect(spaces(formatDateTime('2026-11-23T10:15:30Z', 'fr', 'Europe/Paris'))).toBe('23 nov. 2026, 11:15');
  });

  it('shows a dash for no date and the value itself when it is not a date', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('knows the first of the month', () => {
    expect(firstOfMonth('2026-11-23')).toBe('2026-11-01');
  });
});

describe('exact decimal arithmetic', () => {
  it('turns decimal strings into minor units and back', () => {
    expect(toMinorUnits('12.5', 2)).toBe(1250n);
    expect(toMinorUnits('-333.33', 2)).toBe(-33333n);
    expect(toMinorUnits('100000', 0)).toBe(100000n);
    expect(toMinorUnits('1.2300', 2)).toBe(123n);
    expect(fromMinorUnits(1250n, 2)).toBe('12.50');
    expect(fromMinorUnits(-5n, 3)).toBe('-0.005');
    expect(fromMinorUnits(7n, 0)).toBe('7');
  });

  it('refuses what is not a decimal at that scale', () => {
    expect(toMinorUnits('1.234', 2)).toBeNull();
    expect(toMinorUnits('1e3', 2)).toBeNull();
    expect(toMinorUnits('abc', 2)).toBeNull();
  });
});
