import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../src/i18n/i18n';
import { TIMELINE_TYPES, type TimelineLine, joinList, partnerLabel, timelineSentence } from '../src/format/timeline';

const spaces = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
const EUR = (amount: string) => ({ amount, currency: 'EUR' });
const AT = '2026-12-01T12:00:00Z';
const ALICE = '7d0c1f8e-3b7a-4c55-9c61-3f2a1e0b9d10';
const BOB = 'f9cbb06f-5e2d-4d3c-8a1b-2c3d4e5f6a7b';
const names: Record<string, string> = { [BOB]: 'Bob Consulting' };

/** One line of every type, as referral-service writes them (details included). */
const LINES: Record<(typeof TIMELINE_TYPES)[number], TimelineLine> = {
  submitted: { at: AT, type: 'submitted', details: { company: 'Acme Ltd', contactName: 'Li Wei' } },
  'follow-on-opened': { at: AT, type: 'follow-on-opened', details: { company: 'Acme Ltd', followOnOf: ALICE } },
  'credit-split': { at: AT, type: 'credit-split', details: { shares: [{ partnerId: ALICE, share: '0.60' }, { partnerId: BOB, share: '0.40' }] } },
  qualified: { at: AT, type: 'qualified' },
  rejected: { at: AT, type: 'rejected', details: { reason: 'outside our market' } },
  quoted: { at: AT, type: 'quoted', details: { amount: EUR('12000.00') } },
  'contract-signed': { at: AT, type: 'contract-signed', details: { contractValue: EUR('10000.00'), on: '2026-12-01T19:41:00Z', contractNumber: 2 } },
  'contract-amended': { at: AT, type: 'contract-amended', details: { amount: EUR('2500.00'), contractValue: EUR('12500.00'), on: AT, reference: 'co-1', reason: 'extra screens' } },
  'schedule-set': { at: AT, type: 'schedule-set', details: { schedule: [{ name: 'Deposit', dueDate: '2027-01-15', amount: EUR('3000.00') }, { name: 'Balance', dueDate: '2027-03-01', amount: EUR('7000.00') }] } },
  'milestone-reached': { at: AT, type: 'milestone-reached', details: { name: 'Design approved', note: 'on time' } },
  'payment-received': { at: AT, type: 'payment-received', details: { kind: 'DEPOSIT', reference: BOB, amount: EUR('3000.00'), on: AT, netCash: EUR('3000.00') } },
  'refund-issued': { at: AT, type: 'refund-issued', details: { reference: 'ref-1', amount: EUR('1000.00'), on: AT, reason: 'scope reduced', netCash: EUR('2000.00') } },
  delivered: { at: AT, type: 'delivered' },
  completed: { at: AT, type: 'completed' },
  lost: { at: AT, type: 'lost', details: { fromStatus: 'CONTRACTED', reason: 'client cancelled' } },
  reassigned: { at: AT, type: 'reassigned', details: { previousPartnerId: ALICE, newPartnerId: BOB, reason: 'introduced by Bob' } },
};

const EXPECTED: Record<Language, Record<(typeof TIMELINE_TYPES)[number], string>> = {
  en: {
    submitted: 'Referred Acme Ltd (contact: Li Wei).',
    'follow-on-opened': 'Follow-on project for Acme Ltd, opened as qualified from an earlier referral.',
    'credit-split': 'Credit shared: you 60% and Bob Consulting 40%.',
    qualified: 'The referral was qualified.',
    rejected: 'Not accepted: outside our market',
    quoted: 'Quote sent for €12,000.00.',
    'contract-signed': 'Contract signed for €10,000.00 on 1 Dec 2026 (contract no. 2 of the partner).',
    'contract-amended': 'Contract increased by €2,500.00 on 1 Dec 2026: extra screens. It is now worth €12,500.00.',
    'schedule-set': 'Payment schedule set: Deposit, €3,000.00 due 15 Jan 2027 and Balance, €7,000.00 due 1 Mar 2027.',
    'milestone-reached': 'Milestone reached: Design approved (on time).',
    'payment-received': 'Deposit of €3,000.00 received on 1 Dec 2026 (€3,000.00 received in all).',
    'refund-issued': 'Refund of €1,000.00 issued on 1 Dec 2026: scope reduced (€2,000.00 received in all, net of refunds).',
    delivered: 'The project was delivered.',
    completed: 'The project was completed.',
    lost: 'Lost while Contract signed: client cancelled',
    reassigned: 'Credit moved from you to Bob Consulting: introduced by Bob',
  },
  fr: {
    submitted: 'Acme Ltd recommandé (contact : Li Wei).',
    'follow-on-opened': 'Projet complémentaire pour Acme Ltd, ouvert comme qualifié à partir d’une recommandation précédente.',
    'credit-split': 'Crédit partagé : vous 60 % et Bob Consulting 40 %.',
    qualified: 'La recommandation a été qualifiée.',
    rejected: 'Non retenue : outside our market',
    quoted: 'Devis envoyé pour 12 000,00 €.',
    'contract-signed': 'Contrat signé pour 10 000,00 € le 1 déc. 2026 (contrat n° 2 du partenaire).',
    'contract-amended': 'Contrat augmenté de 2 500,00 € le 1 déc. 2026 : extra screens. Il vaut désormais 12 500,00 €.',
    'schedule-set': 'Échéancier fixé : Deposit, 3 000,00 € le 15 janv. 2027 et Balance, 7 000,00 € le 1 mars 2027.',
    'milestone-reached': 'Étape atteinte : Design approved (on time).',
    'payment-received': 'Acompte de 3 000,00 € reçu le 1 déc. 2026 (3 000,00 € reçus au total).',
    'refund-issued': 'Remboursement de 1 000,00 € émis le 1 déc. 2026 : scope reduced (2 000,00 € reçus au total, remboursements déduits).',
    delivered: 'Le projet a été livré.',
    completed: 'Le projet est terminé.',
    lost: 'Perdue au statut « Contrat signé » : client cancelled',
    reassigned: 'Crédit transféré de vous à Bob Consulting : introduced by Bob',
  },
  zh: {
    submitted: '已推荐 Acme Ltd（联系人：Li Wei）。',
    'follow-on-opened': 'Acme Ltd 的后续项目，由此前的推荐开启，直接为已确认状态。',
    'credit-split': '业绩分配：您占 60%和Bob Consulting占 40%。',
    qualified: '推荐已确认。',
    rejected: '未采纳：outside our market',
    quoted: '已报价 €12,000.00。',
    'contract-signed': '已于 2026年12月1日 签约，合同金额 €10,000.00（该合作伙伴的第 2 份合同）。',
    'contract-amended': '合同于 2026年12月1日 增加 €2,500.00：extra screens。合同金额现为 €12,500.00。',
    'schedule-set': '已设定付款计划：Deposit：€3,000.00，2027年1月15日 到期和Balance：€7,000.00，2027年3月1日 到期。',
    'milestone-reached': '已达成里程碑：Design approved（on time）。',
    'payment-received': '已于 2026年12月1日 收到定金 €3,000.00（累计收款 €3,000.00）。',
    'refund-issued': '已于 2026年12月1日 退款 €1,000.00：scope reduced（扣除退款后累计收款 €2,000.00）。',
    delivered: '项目已交付。',
    completed: '项目已完成。',
    lost: '在“已签约”状态下流失：client cancelled',
    reassigned: '业绩已从您转给Bob Consulting：introduced by Bob',
  },
};

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const BARE_AMOUNT = /\b\d+\.\d{2} EUR\b|\b\d{4,}\.\d{2}\b/;

describe('timeline sentences', () => {
  for (const language of LANGUAGES) {
    describe(`in ${language}`, () => {
      const reader = { language, self: ALICE, partnerName: (id: string) => names[id] };
      for (const type of TIMELINE_TYPES) {
        it(`writes ${type} from its details`, () => {
          const sentence = timelineSentence(LINES[type], reader);
          expect(spaces(sentence)).toBe(spaces(EXPECTED[language][type]));
          expect(sentence).not.toMatch(ISO_INSTANT);
          expect(sentence).not.toMatch(ISO_DATE);
          expect(sentence).not.toMatch(UUID);
          expect(sentence).not.toMatch(BARE_AMOUNT);
        });
      }
    });
  }

  it('says "your contract no." when the reader is the partner credited', () => {
    const line: TimelineLine = { ...LINES['contract-signed'], partnerId: ALICE };
    expect(timelineSentence(line, { language: 'en', self: ALICE })).toBe('Contract signed for €10,000.00 on 1 Dec 2026 (your contract no. 2).');
    expect(timelineSentence(line, { language: 'zh', self: ALICE })).toBe('已于 2026年12月1日 签约，合同金额 €10,000.00（您的第 2 份合同）。');
    expect(spaces(timelineSentence(line, { language: 'fr', self: ALICE }))).toBe('Contrat signé pour 10 000,00 € le 1 déc. 2026 (votre contrat n° 2).');
    expect(timelineSentence(line, { language: 'en', self: BOB })).toBe('Contract signed for €10,000.00 on 1 Dec 2026 (contract no. 2 of the partner).');
  });

  it('says how much a contract was reduced by, without a minus sign', () => {
    const line: TimelineLine = { at: AT, type: 'contract-amended', details: { amount: EUR('-500.00'), contractValue: EUR('9500.00'), on: AT, reason: 'fewer screens' } };
    expect(timelineSentence(line, { language: 'en' })).toBe('Contract reduced by €500.00 on 1 Dec 2026: fewer screens. It is now worth €9,500.00.');
  });

  it('names other partners "another partner" when their name is not known, never by id', () => {
    const line = LINES.reassigned;
    expect(timelineSentence(line, { language: 'en' })).toBe('Credit moved from another partner to another partner: introduced by Bob');
    expect(partnerLabel(BOB, { language: 'zh' })).toBe('另一位合作伙伴');
    expect(partnerLabel(BOB, { language: 'fr', partnerName: () => '  ' })).toBe('un autre partenaire');
  });

  it('says a cleared schedule plainly', () => {
    expect(timelineSentence({ at: AT, type: 'schedule-set', details: { schedule: [] } }, { language: 'fr' }))
      .toBe('Échéancier supprimé : aucune échéance n’est attendue.');
  });

  it('writes each kind of payment and milestones without a note', () => {
    const payment = (kind: string) => ({ at: AT, type: 'payment-received', details: { kind, amount: EUR('10.00'), on: AT, netCash: EUR('10.00') } });
    expect(timelineSentence(payment('FINAL'), { language: 'en' })).toBe('Final payment of €10.00 received on 1 Dec 2026 (€10.00 received in all).');
    expect(timelineSentence(payment('MILESTONE'), { language: 'zh' })).toBe('已于 2026年12月1日 收到里程碑付款 €10.00（累计收款 €10.00）。');
    expect(timelineSentence(payment('SOMETHING'), { language: 'en' })).toBe('Payment of €10.00 received on 1 Dec 2026 (€10.00 received in all).');
    expect(timelineSentence({ at: AT, type: 'milestone-reached', details: { name: 'Go-live' } }, { language: 'en' })).toBe('Milestone reached: Go-live.');
  });

  it('has nothing to say for lines kept before details existed, or of unknown types (the page shows the type alone)', () => {
    expect(timelineSentence({ at: AT, type: 'payment-received', summary: 'DEPOSIT payment x of 3000.00 EUR received on 2026-12-01T19:41:00Z' }, { language: 'en' })).toBeNull();
    expect(timelineSentence({ at: AT, type: 'teleported', details: {} }, { language: 'en' })).toBeNull();
  });

  it('joins lists the way each language does', () => {
    expect(joinList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(joinList(['a', 'b'], 'fr')).toBe('a et b');
  });
});
