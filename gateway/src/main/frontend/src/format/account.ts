/**
 * Pure helpers of the account pages: which public page a URL hash opens (the gateway mails
 * `<base>/#/invitations/<token>` and `<base>/#/password-resets/<token>`), the rules a new login must meet before it is
 * sent (the gateway's own: Usernames.PATTERN, 8 to 72 characters), IBANs for people, countries by name in the page's
 * language, the years a partner can pick. Tested in test/account-format.test.ts.
 */
import { intlLocale } from './format';

export type PublicPage =
  | { page: 'invitation'; token: string }
  | { page: 'password-reset'; token: string }
  | { page: 'forgot-password' };

export const FORGOT_PASSWORD_HASH = '#/password-reset';

/** The public page a hash opens, or null for every other hash (those need a session). */
export function publicPage(hash: string): PublicPage | null {
  if (hash === FORGOT_PASSWORD_HASH || hash === `${FORGOT_PASSWORD_HASH}/`) {
    return { page: 'forgot-password' };
  }
  const match = /^#\/(invitations|password-resets)\/([^/?#]+)\/?$/.exec(hash);
  if (!match) {
    return null;
  }
  let token: string;
  try {
    token = decodeURIComponent(match[2]);
  } catch {
    token = match[2];
  }
  return match[1] === 'invitations' ? { page: 'invitation', token } : { page: 'password-reset', token };
}

/** The gateway's rule for any username (Usernames.PATTERN): e-mail addresses fit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{1,63}$/;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 72;

export type PasswordProblem = 'too-short' | 'too-long' | 'mismatch';

/** What is wrong with a chosen password and its repetition, by the gateway's rules (length in UTF-16 units, as Java counts). */
export function passwordProblem(password: string, repeated: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) {
    return 'too-short';
  }
  if (password.length > PASSWORD_MAX) {
    return 'too-long';
  }
  return password === repeated ? null : 'mismatch';
}

/** An IBAN as the bank writes it electronically: no spaces, upper case. */
export function electronicIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** An IBAN for people: groups of four ("DE89 3704 0044 0532 0130 00"). */
export function formatIban(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  return electronicIban(value).replace(/(.{4})(?=.)/g, '$1 ');
}

export type IbanProblem = 'format' | 'checksum';

/**
 * A first check before the service's own (iban4j: country formats too): two letters, two check digits, up to 30
 * letters or digits, and the ISO 7064 mod-97 check digits right. Catches a mistyped digit at once.
 */
export function ibanProblem(value: string): IbanProblem | null {
  const iban = electronicIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) {
    return 'format';
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /[A-Z]/.test(character) ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of digits) {
      remainder = (remainder * 10 + Number(digit)) % 97;
    }
  }
  return remainder === 1 ? null : 'checksum';
}

/** ISO 3166 alpha-2 codes, as the service accepts them (Java's Locale.getISOCountries()). */
export const COUNTRY_CODES: readonly string[] = 'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(' ');

export interface CountryOption {
  code: string;
  name: string;
}

/** Every country by its name in the page's language, sorted as that language sorts. */
export function countryOptions(language: string): CountryOption[] {
  const locale = intlLocale(language);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    names = null;
  }
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** This year and the ones before it, newest first (invoices and tax statements are asked for per year). */
export function recentYears(today: string, count = 6): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - i);
}

/** The file name a Content-Disposition header gives (`inline; filename="SB-2026-000001.pdf"`), else the fallback. */
export function dispositionFilename(header: string | null | undefined, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  if (!match) {
    return fallback;
  }
  let name = match[1].trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    // as written
  }
  // a file name, never a path
  name = name.replace(/[\\/]/g, '_');
  return name || fallback;
}

/** Ledger entries a partner may dispute: what was credited or taken back, not a payout. */
export function disputable(entry: { type: string }): boolean {
  return entry.type !== 'PAYOUT';
}
