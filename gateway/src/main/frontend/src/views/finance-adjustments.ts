/**
 * Adjustments (FINANCE): propose one (partner found by name, optional referral of that partner, a signed amount,
 * the reason), and the proposals waiting for a second finance user to approve or reject. The proposer's own
 * approval is refused by the API (four-eyes); the page says so in plain words.
 */
import { IdempotentSubmission } from '../api/client';
import type { Adjustment } from '../api/finance-types';
import type { Page, Partner, Referral } from '../api/types';
import { CURRENCIES } from '../api/types';
import type { AppContext, View } from '../app-context';
import { isZeroAmount, signedAmount } from '../format/finance';
import { h, replaceChildren } from '../ui/dom';
import { dateTime, money, setText, tx } from '../ui/l10n';
import { field } from '../ui/forms';
import { loading, section, table } from './components';
import {
  FinanceForm, PartnerDirectory, button, financeProblem, loadPartners, outcomeRegion, pageHeading, partnerPicker,
} from './finance-common';

/** A select of one partner's referrals (by client company), for the optional referral of an adjustment. */
export function referralSelect(id: string, label: 'finance.referral.optional' | 'finance.referral.label'): {
  element: HTMLElement; select: HTMLSelectElement; load(api: AppContext['api'], partnerId: string): Promise<Referral[]>;
} {
  const f = field({ name: id, id, label, type: 'select', options: [{ value: '', label: 'finance.referral.none' }] });
  const select = f.control as HTMLSelectElement;
  select.dataset.testid = id;
  return {
    element: f.wrapper,
    select,
    load: async (api, partnerId) => {
      const none = tx(label === 'finance.referral.label' ? 'finance.referral.choose' : 'finance.referral.none', undefined, 'option');
      none.value = '';
      if (!partnerId) {
        replaceChildren(select, none);
        return [];
      }
      const answer = await api.get<Page<Referral>>(`/api/referrals?partnerId=${encodeURIComponent(partnerId)}&page=0&size=200`);
      const referrals = answer.items ?? [];
      replaceChildren(select, none, referrals.map((referral) => h('option', { value: referral.referralId },
        `${referral.client?.company ?? referral.referralId} — ${referral.status}`)));
      return referrals;
    },
  };
}

export function financeAdjustmentsView(ctx: AppContext): View {
  const listBox = h('div', { 'aria-busy': 'true' }, loading());
  const pickerBox = h('div', {}, loading());
  const outcome = outcomeRegion('finance-adjustment-outcome');
  let directory = new PartnerDirectory([]);
  let partnerId = '';
  const submission = new IdempotentSubmission();
  const referral = referralSelect('finance-adjustment-referral', 'finance.referral.optional');

  const form = new FinanceForm({
    id: 'finance-adjustment-form',
    fields: [
      { name: 'amount', id: 'finance-adjustment-amount', label: 'finance.adjustment.amount', required: true, inputmode: 'decimal', hint: 'finance.adjustment.amountHint', apiFields: ['amount', 'amount.amount'] },
      { name: 'currency', id: 'finance-adjustment-currency', label: 'finance.currency', type: 'select', value: 'EUR', options: CURRENCIES.map((c) => ({ value: c, text: c })), apiFields: ['amount.currency'] },
      { name: 'reason', id: 'finance-adjustment-reason', label: 'finance.reason', type: 'textarea', required: true, maxLength: 2000 },
    ],
    submit: 'finance.adjustment.propose',
    onSubmit: async (values) => {
      const amountField = form.fields.get('amount')!;
      if (!partnerId) {
        const select = pickerBox.querySelector<HTMLSelectElement>('select');
        const error = pickerBox.querySelector<HTMLElement>('.field-error');
        if (error) {
          error.hidden = false;
          setText(error, 'finance.partner.required');
        }
        select?.setAttribute('aria-invalid', 'true');
        select?.focus();
        return null;
      }
      const amount = signedAmount(values.amount);
      if (amount === null || isZeroAmount(amount)) {
        amountField.error.hidden = false;
        setText(amountField.error, amount === null ? 'form.invalid' : 'finance.adjustment.notZero');
        amountField.control.setAttribute('aria-invalid', 'true');
        amountField.control.focus();
        return null;
      }
      const body = {
        partnerId,
        referralId: referral.select.value || undefined,
        amount: { amount, currency: values.currency },
        reason: values.reason,
      };
      // the adjustmentId is the idempotency of this call (API.md): the same proposal resent keeps its id
      const adjustmentId = submission.keyFor(body);
      try {
        await ctx.api.post<Adjustment>('/api/adjustments', { adjustmentId, ...body });
      } finally {
        submission.settled();
      }
      form.set('amount', '');
      form.set('reason', '');
      ctx.announce('finance.adjustment.proposed');
      await loadList();
      return 'finance.adjustment.proposed';
    },
  });
  form.element.prepend(pickerBox, referral.element);
  form.element.querySelector('button[type=submit]')?.setAttribute('data-testid', 'finance-adjustment-propose');

  const page = h('div', { className: 'finance' },
    pageHeading('finance.adjustments.title', 'finance.adjustments.intro'),
    section('finance-adjustment-new', 'finance.adjustment.new', form.element),
    section('finance-adjustments-pending', 'finance.adjustment.pending', outcome.element, listBox));

  async function decide(adjustment: Adjustment, action: 'approve' | 'reject', reason?: string): Promise<void> {
    outcome.clear();
    try {
      await ctx.api.post<Adjustment>(`/api/adjustments/${encodeURIComponent(adjustment.adjustmentId)}/${action}`,
        action === 'reject' ? { reason } : undefined);
      outcome.ok(action === 'approve' ? 'finance.adjustment.approved' : 'finance.adjustment.rejected');
      ctx.announce(action === 'approve' ? 'finance.adjustment.approved' : 'finance.adjustment.rejected');
      await loadList();
    } catch (error) {
      outcome.fail(error);
    }
  }

  function rejectControl(adjustment: Adjustment): HTMLElement {
    const reason = field({ name: 'rejectReason', id: `finance-reject-reason-${adjustment.adjustmentId}`, label: 'finance.adjustment.rejectReason', maxLength: 2000 });
    const reject = button('finance.adjustment.reject', async () => {
      if (!reason.control.value.trim()) {
        reason.error.hidden = false;
        setText(reason.error, 'form.required');
        reason.control.setAttribute('aria-invalid', 'true');
        reason.control.focus();
        return;
      }
      await decide(adjustment, 'reject', reason.control.value.trim());
    }, { testId: `finance-adjustment-reject-${adjustment.adjustmentId}` });
    return h('details', { className: 'inline-details' }, tx('finance.adjustment.rejectOpen', undefined, 'summary'), reason.wrapper, reject);
  }

  async function loadList(): Promise<void> {
    try {
      const answer = await ctx.api.get<Page<Adjustment>>('/api/adjustments?status=PROPOSED&page=0&size=200');
      const rows = (answer.items ?? []).map((adjustment) => h('tr', { 'data-adjustment-id': adjustment.adjustmentId },
        h('th', { scope: 'row' }, directory.cell(adjustment.partnerId)),
        h('td', { className: 'num' }, money(adjustment.amount)),
        h('td', { className: 'wrap-text' }, adjustment.reason),
        h('td', {}, adjustment.proposedBy, h('br'), dateTime(adjustment.proposedAt)),
        h('td', { className: 'row-actions' },
          button('finance.adjustment.approve', () => decide(adjustment, 'approve'), {
            testId: `finance-adjustment-approve-${adjustment.adjustmentId}`, primary: true,
            ariaLabel: 'finance.adjustment.approveNamed', ariaParams: { partner: directory.label(adjustment.partnerId), amount: money(adjustment.amount).textContent ?? '' },
          }),
          rejectControl(adjustment))));
      replaceChildren(listBox, table('finance-adjustment-table', 'finance.adjustment.pending', [
        'finance.partner.label', 'finance.amount', 'finance.reason', 'finance.adjustment.proposedBy', 'finance.actions',
      ], rows, 'finance.adjustment.none'));
    } catch (error) {
      replaceChildren(listBox, financeProblem(error));
    } finally {
      listBox.setAttribute('aria-busy', 'false');
    }
  }

  async function start(): Promise<void> {
    let partners: Partner[] = [];
    try {
      partners = await loadPartners(ctx.api);
      directory = new PartnerDirectory(partners);
      const picker = partnerPicker({
        id: 'finance-adjustment-partner', partners, onChange: (id) => {
          partnerId = id;
          void referral.load(ctx.api, id).catch(() => undefined);
        },
      });
      replaceChildren(pickerBox, picker.element);
    } catch (error) {
      replaceChildren(pickerBox, financeProblem(error));
    }
    await loadList();
  }

  void start();
  return { element: page };
}
