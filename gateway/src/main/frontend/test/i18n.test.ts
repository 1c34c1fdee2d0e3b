import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, type MessageKey, placeholders, preferredLanguage, translate } from '../src/i18n/i18n';
import { en } from '../src/i18n/messages/en';
import { KNOWN_SLUGS } from '../src/api/problem';
import { BALANCE_FIELDS, NOTIFIED_EVENT_TYPES, REFERRAL_STATUSES } from '../src/api/types';
import { eventSlug } from '../src/views/components';

const keys = Object.keys(en) as MessageKey[];

describe('message catalogues', () => {
  it.each(LANGUAGES)('%s has every English key and no other', (language) => {
    const catalogue = CATALOGUES[language];
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
  });

  it.each(LANGUAGES)('%s has no empty message', (language) => {
    const empty = keys.filter((key) => !CATALOGUES[language][key]?.trim());
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same {placeholders} as English in every message', (language) => {
    const different = keys.filter((key) =>
      placeholders(CATALOGUES[language][key]).join() !== placeholders(en[key]).join());
    expect(different).toEqual([]);
  });

  it.each(['fr', 'zh'] as const)('%s is really translated, not a copy of English', (language) => {
    // language names and a few identical words (Notifications, Date, Contact) may be the same
    const same = keys.filter((key) => CATALOGUES[language][key] === en[key] && !key.startsWith('language.'));
    expect(same.length).toBeLessThan(keys.length * 0.05);
  });

  it('zh messages are written in Chinese', () => {
    const latinOnly = keys.filter((key) => !key.startsWith('language.') && !/[\u4e00-\u9fff]/.test(CATALOGUES.zh[key]));
    expect(latinOnly).toEqual([]);
  });
});

describe('keys built at run time exist in every language', () => {
  const families: [string, string[]][] = [
    ['referral statuses', REFERRAL_STATUSES.map((s) => `status.${s}`)],
    ['problem slugs', KNOWN_SLUGS.map((s) => `problem.${s}`)],
    ['balances', BALANCE_FIELDS.map((f) => `balance.${f}`)],
    ['ledger entry types', ['ACCRUAL', 'REVERSAL', 'PAYOUT'].map((e) => `entry.${e}`)],
    ['commission roles', ['INTRODUCER', 'OVERRIDE'].map((r) => `role.${r}`)],
    ['payment kinds', ['DEPOSIT', 'MILESTONE', 'FINAL'].map((k) => `paymentKind.${k}`)],
    ['languages', LANGUAGES.map((l) => `language.${l}`)],
    ['live feed states', ['connecting', 'open', 'retrying', 'closed'].map((s) => `live.${s}`)],
    ['notified event types', NOTIFIED_EVENT_TYPES.map((type) => `event.${eventSlug(type)}`)],
    ['timeline types of referral-service', ['submitted', 'qualified', 'rejected', 'quoted', 'contract-signed',
      'milestone-reached', 'payment-received', 'refund-issued', 'delivered', 'completed', 'lost', 'reassigned']
      .map((type) => `event.${type}`)],
  ];
  it.each(families)('%s', (_name, family) => {
    for (const language of LANGUAGES) {
      const missing = family.filter((key) => !(key in CATALOGUES[language]));
      expect(missing, `${language} lacks`).toEqual([]);
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(CATALOGUES.en, 'nav.signedInAs', { user: 'ops' })).toBe('Signed in as ops');
    expect(translate(CATALOGUES.zh, 'nav.signedInAs', { user: 'ops' })).toBe('当前用户：ops');
  });

  it('leaves a placeholder it has no value for visible', () => {
    expect(translate(CATALOGUES.en, 'nav.signedInAs')).toBe('Signed in as {user}');
  });

  it('answers an unknown key with the key itself', () => {
    expect(translate(CATALOGUES.fr, 'status.NOPE' as MessageKey)).toBe('status.NOPE');
  });

  it('picks the first browser language it speaks', () => {
    expect(preferredLanguage(['de-DE', 'zh-TW', 'en'])).toBe('zh');
    expect(preferredLanguage(['fr-CA'])).toBe('fr');
    expect(preferredLanguage(['de'])).toBe('en');
  });
});

describe('no hard-coded words in the page code', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name: string): string[] => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        return name === 'messages' ? [] : sources(path);
      }
      return path.endsWith('.ts') ? [path] : [];
    });
  }

  it('never gives an element a literal text child with letters', () => {
    // h('tag', {...}, 'Some words') would be an untranslated string; text must come from tx()/t()
    const offenders = sources(fileURLToPath(new URL('../src', import.meta.url))).flatMap((path) => {
      const code = readFileSync(path, 'utf8');
      return [...code.matchAll(/\bh\('[a-z0-9]+',\s*\{[^}]*\},\s*'([^']*[A-Za-z\u4e00-\u9fff][^']*)'/g)]
        .map((match) => `${path}: ${match[1]}`);
    });
    expect(offenders).toEqual([]);
  });
});
