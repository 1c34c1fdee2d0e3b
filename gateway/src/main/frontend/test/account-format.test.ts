import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES, countryOptions, disputable, dispositionFilename, electronicIban, formatIban, ibanProblem, passwordProblem,
  publicPage, recentYears, USERNAME_PATTERN,
} from '../src/format/account';

describe('the public pages a hash opens', () => {
  it('reads the links the gateway mails (AccountsProperties: /#/invitations/<token>, /#/password-resets/<token>)', () => {
    expect(publicPage('#/invitations/abc-DEF_123')).toEqual({ page: 'invitation', token: 'abc-DEF_123' });
    expect(publicPage('#/password-resets/t0k3n')).toEqual({ page: 'password-reset', token: 't0k3n' });
    expect(publicPage('#/invitations/a%2Bb/')).toEqual({ page: 'invitation', token: 'a+b' });
  });

  it('opens the forgotten-password form, and nothing for the signed-in routes or a link without its token', () => {
    expect(publicPage('#/password-reset')).toEqual({ page: 'forgot-password' });
    expect(publicPage('#/dashboard')).toBeNull();
    expect(publicPage('#/invitations/')).toBeNull();
    expect(publicPage('#/invitations/a/b')).toBeNull();
    expect(publicPage('')).toBeNull();
  });
});

describe('a new login by the gateway\'s rules', () => {
  it('takes usernames as the gateway does (Usernames.PATTERN)', () => {
    expect(USERNAME_PATTERN.test('anna.meier@example.com')).toBe(true);
    expect(USERNAME_PATTERN.test('a')).toBe(false);
    expect(USERNAME_PATTERN.test('.anna')).toBe(false);
    expect(USERNAME_PATTERN.test('anna meier')).toBe(false);
    expect(USERNAME_PATTERN.test('a'.repeat(64))).toBe(true);
    expect(USERNAME_PATTERN.test('a'.repeat(65))).toBe(false);
  });

  it('wants 8 to 72 characters, typed the same twice', () => {
    expect(passwordProblem('1234567', '1234567')).toBe('too-short');
    expect(passwordProblem('x'.repeat(73), 'x'.repeat(73))).toBe('too-long');
    expect(passwordProblem('12345678', '12345679')).toBe('mismatch');
    expect(passwordProblem('12345678', '12345678')).toBeNull();
    expect(passwordProblem('x'.repeat(72), 'x'.repeat(72))).toBeNull();
  });
});

describe('IBANs', () => {
  it('are written in groups of four and sent without spaces', () => {
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(electronicIban(' DE89 3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
    expect(formatIban(null)).toBe('');
  });

  it('have right check digits (ISO 7064 mod 97)', () => {
    expect(ibanProblem('DE89 3704 0044 0532 0130 00')).toBeNull();
    expect(ibanProblem('FR76 3000 6000 0112 3456 7890 189')).toBeNull();
    expect(ibanProblem('GB82 WEST 1234 5698 7654 32')).toBeNull();
    // one digit mistyped
    expect(ibanProblem('DE89 3704 0044 0532 0130 01')).toBe('checksum');
    expect(ibanProblem('DE8937040044')).toBe('format');
    expect(ibanProblem('1234 5678 9012 3456')).toBe('format');
  });
});

describe('countries', () => {
  it('are the codes the service accepts, by name in the page\'s language', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(COUNTRY_CODES).toContain('DE');
    const en = countryOptions('en');
    expect(en.find((c) => c.code === 'DE')?.name).toBe('Germany');
    expect(countryOptions('fr').find((c) => c.code === 'DE')?.name).toBe('Allemagne');
    expect(countryOptions('zh').find((c) => c.code === 'DE')?.name).toBe('德国');
    // sorted by name, not by code
    const names = en.map((c) => c.name);
    expect(names.indexOf('Austria')).toBeLessThan(names.indexOf('Germany'));
  });
});

describe('documents', () => {
  it('offer this year and the five before it', () => {
    expect(recentYears('2026-12-01')).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('are saved under the name the service gives', () => {
    expect(dispositionFilename('inline; filename="SB-2026-000001.pdf"', 'x.pdf')).toBe('SB-2026-000001.pdf');
    expect(dispositionFilename("attachment; filename*=UTF-8''tax-statement-P%201-2026.pdf", 'x.pdf')).toBe('tax-statement-P 1-2026.pdf');
    expect(dispositionFilename('inline; filename="../../etc/passwd"', 'x.pdf')).toBe('.._.._etc_passwd');
    expect(dispositionFilename(null, 'fallback.pdf')).toBe('fallback.pdf');
  });

  it('a payout is not disputed: what was credited or taken back is', () => {
    expect(disputable({ type: 'ACCRUAL' })).toBe(true);
    expect(disputable({ type: 'ADJUSTMENT' })).toBe(true);
    expect(disputable({ type: 'PAYOUT' })).toBe(false);
  });
});
