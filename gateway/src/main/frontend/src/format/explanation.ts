/**
 * A commission ledger entry explained in the reader's language, from the entry's own fields (type, role, rate,
 * basis, occurredOn, amount): "10 % of a €3,000.00 payment received on 20 Nov 2026". commission-service's
 * `explanation` is an English sentence with ISO dates and batch ids; it is read only for an adjustment's reason,
 * which finance typed and which no field carries. Pure: tested in test/explanation.test.ts.
 */
import { CATALOGUES, type Language, type MessageKey, type Params, translate } from '../i18n/i18n';
import { type Money, formatDate, formatMoney, formatRate } from './format';
import { absolute, isNegative } from './timeline';

export interface ExplainedEntry {
  type: string;
  role?: string | null;
  amount?: Money | null;
  rate?: string | number | null;
  basis?: Money | null;
  occurredOn?: string | null;
  payableAt?: string | null;
  createdAt?: string | null;
  explanation?: string | null;
}

/** The reason finance gave for an adjustment, out of commission-service's sentence ("Adjustment of X: reason (…)"). */
export function adjustmentReason(explanation: string | null | undefined): string | null {
  const match = /^Adjustment of [^:]+: ([\s\S]*) \((?:proposed by [\s\S]*, approved by|resolved by) [^()]*\)$/.exec((explanation ?? '').trim());
  const reason = match?.[1]?.trim();
  return reason ? reason : null;
}

export function explainEntry(entry: ExplainedEntry, language: Language): string {
  const say = (key: MessageKey, params?: Params) => translate(CATALOGUES[language], key, params);
  const date = formatDate(entry.occurredOn ?? entry.createdAt ?? null, language);
  switch (entry.type) {
    case 'PAYOUT':
      return say('timeline.explain.payout', { date });
    case 'ADJUSTMENT': {
      const reason = adjustmentReason(entry.explanation);
      const down = isNegative(entry.amount);
      if (reason) {
        return say(down ? 'timeline.explain.adjustmentDown.reason' : 'timeline.explain.adjustmentUp.reason', { date, reason });
      }
      return say(down ? 'timeline.explain.adjustmentDown' : 'timeline.explain.adjustmentUp', { date });
    }
    case 'ACCRUAL':
    case 'REVERSAL': {
      const taken = entry.type === 'REVERSAL';
      if (!entry.basis) {
        return say(taken ? 'timeline.explain.reversed' : 'timeline.explain.earned', { date });
      }
      const refund = isNegative(entry.basis);
      const cash = say(refund ? 'timeline.explain.refundCash' : 'timeline.explain.paymentCash', {
        amount: formatMoney(absolute(entry.basis), language), date,
      });
      const override = entry.role === 'OVERRIDE';
      if (entry.rate === null || entry.rate === undefined || entry.rate === '') {
        // a finder's fee agreed for the deal: no rate, a share of the fee as the client pays
        return say(taken ? 'timeline.explain.feeTaken' : 'timeline.explain.fee', { cash });
      }
      const rate = formatRate(entry.rate, language);
      if (override) {
        return say(taken ? 'timeline.explain.overrideTaken' : 'timeline.explain.override', { rate, cash });
      }
      return say(taken ? 'timeline.explain.introducerTaken' : 'timeline.explain.introducer', { rate, cash });
    }
    default:
      return say('timeline.explain.other', { date });
  }
}
