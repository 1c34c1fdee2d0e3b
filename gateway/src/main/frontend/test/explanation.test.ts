import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../src/i18n/i18n';
import { type ExplainedEntry, adjustmentReason, explainEntry } from '../src/format/explanation';

const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const EUR = (amount: string) => ({ amount, currency: 'EUR' });

const ENTRIES: Record<string, ExplainedEntry> = {
  introducer: { type: 'ACCRUAL', role: 'INTRODUCER', amount: EUR('300.00'), rate: '0.10', basis: EUR('3000.00'), occurredOn: '2026-11-20', explanation: '10% of a 3,000.00 EUR payment received 2026-11-20 (contract 10,000.00 EUR; tier 1: first 2 contracts)' },
  introducerTaken: { type: 'REVERSAL', role: 'INTRODUCER', amount: EUR('-100.00'), rate: '0.10', basis: EUR('-1000.00'), occurredOn: '2026-11-21' },
  override: { type: 'ACCRUAL', role: 'OVERRIDE', amount: EUR('60.00'), rate: '0.02', basis: EUR('3000.00'), occurredOn: '2026-11-20' },
  overrideTaken: { type: 'REVERSAL', role: 'OVERRIDE', amount: EUR('-20.00'), rate: '0.02', basis: EUR('-1000.00'), occurredOn: '2026-11-21' },
  fee: { type: 'ACCRUAL', role: 'INTRODUCER', amount: EUR('333.33'), rate: null, basis: EUR('3000.00'), occurredOn: '2026-11-20' },
  payout: { type: 'PAYOUT', amount: EUR('-300.00'), occurredOn: '2026-12-31', explanation: 'Paid out 300.00 EUR in batch 5f1c2d3e-aaaa-bbbb-cccc-1234567890ab (commissions payable by 2026-12-31)' },
  adjustmentUp: { type: 'ADJUSTMENT', amount: EUR('50.00'), occurredOn: '2026-12-02', explanation: 'Adjustment of 50.00 EUR: missed milestone bonus (proposed by finance, approved by finance2)' },
  adjustmentDown: { type: 'ADJUSTMENT', amount: EUR('-25.00'), occurredOn: '2026-12-02', explanation: 'Adjustment of -25.00 EUR: duplicate payment (resolved by finance)' },
};

const EXPECTED: Record<Language, Record<keyof typeof ENTRIES, string>> = {
  en: {
    introducer: '10% of a €3,000.00 payment received on 20 Nov 2026.',
    introducerTaken: '10% taken back on a €1,000.00 refund issued on 21 Nov 2026.',
    override: '2% override on a €3,000.00 payment received on 20 Nov 2026 from a client of a partner you introduced.',
    overrideTaken: '2% override taken back on a €1,000.00 refund issued on 21 Nov 2026 from a client of a partner you introduced.',
    fee: 'Part of the finder’s fee agreed for this deal, on a €3,000.00 payment received on 20 Nov 2026.',
    payout: 'Paid out to your account on 31 Dec 2026.',
    adjustmentUp: 'Correction in your favour, approved on 2 Dec 2026: missed milestone bonus',
    adjustmentDown: 'Correction against your balance, approved on 2 Dec 2026: duplicate payment',
  },
  fr: {
    introducer: '10 % sur un paiement de 3 000,00 € reçu le 20 nov. 2026.',
    introducerTaken: '10 % repris sur un remboursement de 1 000,00 € émis le 21 nov. 2026.',
    override: 'Commission de parrainage de 2 % sur un paiement de 3 000,00 € reçu le 20 nov. 2026, d’un client d’un partenaire que vous avez présenté.',
    overrideTaken: 'Commission de parrainage de 2 % reprise sur un remboursement de 1 000,00 € émis le 21 nov. 2026, d’un client d’un partenaire que vous avez présenté.',
    fee: 'Part de la commission d’apport convenue pour cette affaire, sur un paiement de 3 000,00 € reçu le 20 nov. 2026.',
    payout: 'Versé sur votre compte le 31 déc. 2026.',
    adjustmentUp: 'Correction en votre faveur, approuvée le 2 déc. 2026 : missed milestone bonus',
    adjustmentDown: 'Correction en votre défaveur, approuvée le 2 déc. 2026 : duplicate payment',
  },
  zh: {
    introducer: '2026年11月20日 收到的 €3,000.00 付款的 10%。',
    introducerTaken: '因2026年11月21日 发出的 €1,000.00 退款收回 10%。',
    override: '您介绍的合作伙伴的客户2026年11月20日 收到的 €3,000.00 付款的 2% 上级推荐人佣金。',
    overrideTaken: '因您介绍的合作伙伴的客户2026年11月21日 发出的 €1,000.00 退款收回 2% 上级推荐人佣金。',
    fee: '本交易约定介绍费的一部分，基于2026年11月20日 收到的 €3,000.00 付款。',
    payout: '已于 2026年12月31日 支付到您的账户。',
    adjustmentUp: '对您有利的调整，于 2026年12月2日 批准：missed milestone bonus',
    adjustmentDown: '从您的余额中扣减的调整，于 2026年12月2日 批准：duplicate payment',
  },
};

describe('commission explanations', () => {
  for (const language of LANGUAGES) {
    describe(`in ${language}`, () => {
      for (const [name, entry] of Object.entries(ENTRIES)) {
        it(`explains ${name} from the entry's fields`, () => {
          const text = explainEntry(entry, language);
          expect(spaces(text)).toBe(spaces(EXPECTED[language][name as keyof typeof ENTRIES]));
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
          expect(text).not.toMatch(/\d\.\d{2} EUR/);
        });
      }
    });
  }

  it('reads the reason of an adjustment out of the service sentence, and nothing else', () => {
    expect(adjustmentReason('Adjustment of 50.00 EUR: bonus (for Q4) (proposed by a, approved by b)')).toBe('bonus (for Q4)');
    expect(adjustmentReason('Paid out 1.00 EUR in batch x')).toBeNull();
    expect(adjustmentReason(null)).toBeNull();
    expect(explainEntry({ type: 'ADJUSTMENT', amount: EUR('5.00'), occurredOn: '2026-12-02', explanation: 'something else' }, 'en'))
      .toBe('Correction in your favour, approved on 2 Dec 2026.');
  });

  it('falls back to the date alone when an entry has no basis', () => {
    expect(explainEntry({ type: 'ACCRUAL', occurredOn: '2026-12-02' }, 'en')).toBe('Commission earned on 2 Dec 2026.');
    expect(explainEntry({ type: 'REVERSAL', occurredOn: '2026-12-02' }, 'fr')).toBe('Commission reprise le 2 déc. 2026.');
  });
});
