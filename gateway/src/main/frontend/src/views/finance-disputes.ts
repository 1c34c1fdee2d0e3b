/**
 * Disputes (FINANCE): the open ones, with the entry they are about, and their resolution: UPHELD (optionally with an
 * adjustment in the entry's currency, booked at once) or DISMISSED, with a note the partner reads.
 */
import type { Dispute, FinanceLedgerEntry } from '../api/finance-types';
import type { Page } from '../api/types';
import type { AppContext, View } from '../app-context';
import { isZeroAmount, signedAmount } from '../format/finance';
import type { MessageKey } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { date, dateTime, money, setText, tx } from '../ui/l10n';
import { loading, section } from './components';
import { FinanceForm, PartnerDirectory, facts, financeProblem, loadPartners, outcomeRegion, pageHeading } from './finance-common';
import { entryTypeLabel } from './finance-common';

export function financeDisputesView(ctx: AppContext): View {
  const listBox = h('div', { 'aria-busy': 'true' }, loading());
  const outcome = outcomeRegion('finance-dispute-outcome');
  let directory = new PartnerDirectory([]);

  const page = h('div', { className: 'finance' },
    pageHeading('finance.disputes.title', 'finance.disputes.intro'),
    section('finance-disputes-open', 'finance.dispute.open', outcome.element, listBox));

  /** The disputed entries, from each partner's ledger (one call per partner with an open dispute). */
  async function entriesOf(disputes: Dispute[]): Promise<Map<string, FinanceLedgerEntry>> {
    const entries = new Map<string, FinanceLedgerEntry>();
    for (const partnerId of new Set(disputes.map((d) => d.partnerId))) {
      try {
        const answer = await ctx.api.get<Page<FinanceLedgerEntry>>(`/api/commissions?partnerId=${encodeURIComponent(partnerId)}&page=0&size=500`);
        (answer.items ?? []).forEach((entry) => entries.set(entry.entryId, entry));
      } catch {
        // the dispute is shown without its entry
      }
    }
    return entries;
  }

  function resolveForm(dispute: Dispute, entry: FinanceLedgerEntry | undefined): HTMLElement {
    const currency = entry?.amount?.currency ?? '';
    const form = new FinanceForm({
      id: `finance-resolve-${dispute.disputeId}`,
      className: 'form',
      fields: [
        { name: 'outcome', id: `finance-resolve-outcome-${dispute.disputeId}`, label: 'finance.dispute.outcome', type: 'select', required: true,
          options: [{ value: '', label: 'finance.dispute.chooseOutcome' }, { value: 'UPHELD', label: 'finance.dispute.UPHELD' }, { value: 'DISMISSED', label: 'finance.dispute.DISMISSED' }] },
        { name: 'note', id: `finance-resolve-note-${dispute.disputeId}`, label: 'finance.dispute.note', type: 'textarea', required: true, maxLength: 2000, hint: 'finance.dispute.noteHint' },
        { name: 'adjustment', id: `finance-resolve-adjustment-${dispute.disputeId}`, label: 'finance.dispute.adjustment',
          inputmode: 'decimal', hint: 'finance.dispute.adjustmentHint', apiFields: ['adjustment', 'adjustment.amount'] },
      ],
      submit: 'finance.dispute.resolve',
      onSubmit: async (values) => {
        const adjustmentField = form.fields.get('adjustment')!;
        let adjustment: { amount: string; currency: string } | undefined;
        if (values.adjustment) {
          const amount = signedAmount(values.adjustment);
          const problem: MessageKey | null = amount === null ? 'form.invalid'
            : isZeroAmount(amount) ? 'finance.adjustment.notZero'
              : values.outcome !== 'UPHELD' ? 'finance.dispute.adjustmentOnlyUpheld' : null;
          if (problem || amount === null) {
            adjustmentField.error.hidden = false;
            setText(adjustmentField.error, problem ?? 'form.invalid');
            adjustmentField.control.setAttribute('aria-invalid', 'true');
            adjustmentField.control.focus();
            return null;
          }
          adjustment = { amount, currency };
        }
        await ctx.api.post<Dispute>(`/api/disputes/${encodeURIComponent(dispute.disputeId)}/resolve`, {
          outcome: values.outcome, note: values.note, ...(adjustment ? { adjustment } : {}),
        });
        outcome.ok('finance.dispute.resolved');
        ctx.announce('finance.dispute.resolved');
        await load();
        return null;
      },
    });
    if (currency) {
      const label = form.fields.get('adjustment')!.wrapper.querySelector('label')!;
      setText(label, 'finance.dispute.adjustmentIn', { currency });
    }
    form.element.querySelector('button[type=submit]')?.setAttribute('data-testid', `finance-dispute-resolve-${dispute.disputeId}`);
    return form.element;
  }

  async function load(): Promise<void> {
    try {
      const answer = await ctx.api.get<Page<Dispute>>('/api/disputes?status=OPEN&page=0&size=200');
      const disputes = answer.items ?? [];
      if (disputes.length === 0) {
        const empty = tx('finance.dispute.none', undefined, 'p');
        empty.className = 'empty';
        empty.id = 'finance-dispute-list';
        replaceChildren(listBox, empty);
        return;
      }
      const entries = await entriesOf(disputes);
      replaceChildren(listBox, h('ul', { id: 'finance-dispute-list', className: 'cards' }, disputes.map((dispute) => {
        const entry = entries.get(dispute.entryId);
        const title = tx('finance.dispute.heading', { partner: directory.label(dispute.partnerId) }, 'h3');
        return h('li', { className: 'action', 'data-dispute-id': dispute.disputeId, 'data-testid': `finance-dispute-${dispute.disputeId}` },
          title,
          facts([
            ['finance.dispute.openedBy', h('span', {}, dispute.openedBy, ' · ', dateTime(dispute.openedAt))],
            ['finance.dispute.message', h('span', { className: 'wrap-text' }, dispute.message)],
            ['finance.dispute.entry', entry
              ? h('span', {}, money(entry.amount), ' · ', entryTypeLabel(entry.type), ' · ', date(entry.occurredOn ?? entry.createdAt),
                entry.explanation ? h('span', { className: 'entry-explanation', lang: 'en' }, ' — ', entry.explanation) : null)
              : tx('finance.dispute.entryUnknown')],
          ]),
          resolveForm(dispute, entry));
      })));
    } catch (error) {
      replaceChildren(listBox, financeProblem(error));
    } finally {
      listBox.setAttribute('aria-busy', 'false');
    }
  }

  async function start(): Promise<void> {
    try {
      directory = new PartnerDirectory(await loadPartners(ctx.api));
    } catch {
      // names fall back to short ids
    }
    await load();
  }

  void start();
  return { element: page };
}
