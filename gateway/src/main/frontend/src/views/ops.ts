/**
 * The operations view: referrals to work (GET /api/referrals?status=&partnerId=) and the lifecycle actions of
 * API.md on the chosen one. The actions the current status allows come first; the others stay reachable, and
 * the API's refusal (illegal transition, amounts over the contract...) is shown where the action was tried.
 */
import { newId } from '../api/client';
import type { Money, Page, Referral, ReferralStatus } from '../api/types';
import { CURRENCIES, REFERRAL_STATUSES } from '../api/types';
import type { AppContext, View } from '../app-context';
import { PORTAL } from '../config';
import type { MessageKey } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { type FieldSpec, Form } from '../ui/forms';
import { date, money, setText, tx } from '../ui/l10n';
import { loading, problemPanel, section, statusBadge, table, timeline } from './components';

interface Action {
  action: string;
  /** path after /api/referrals/{id}/ */
  path: string;
  label: MessageKey;
  done: MessageKey;
  from: (referral: Referral) => boolean;
  fields: (referral: Referral) => FieldSpec[];
  body: (values: Record<string, string>, referral: Referral) => unknown;
}

const OPEN: ReferralStatus[] = ['SUBMITTED', 'QUALIFIED', 'QUOTED', 'CONTRACTED', 'DELIVERED'];
const within = (...statuses: ReferralStatus[]) => (referral: Referral) => statuses.includes(referral.status);

/** "now" for a datetime-local input, in the user's zone */
export function localNow(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** A datetime-local value (the user's zone) as the ISO-8601 UTC instant the API takes. */
export function toInstant(local: string): string {
  const parsed = new Date(local);
  return Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
}

function currencyOf(referral: Referral): string {
  return referral.contractValue?.currency ?? referral.quotedAmount?.currency ?? referral.estimatedValue?.currency ?? 'EUR';
}

function moneyFields(prefix: string, referral: Referral, label: MessageKey, apiField: string, amount?: Money | null): FieldSpec[] {
  return [
    { name: 'amount', id: `ops-${prefix}-amount`, label, required: true, inputmode: 'decimal', value: amount?.amount ?? '', apiFields: [apiField, `${apiField}.amount`] },
    {
      name: 'currency', id: `ops-${prefix}-currency`, label: 'ops.currency', type: 'select', value: amount?.currency ?? currencyOf(referral),
      options: CURRENCIES.map((c) => ({ value: c, text: c })), apiFields: [`${apiField}.currency`],
    },
  ];
}

const reasonField = (prefix: string): FieldSpec => ({ name: 'reason', id: `ops-${prefix}-reason`, label: 'ops.reason', type: 'textarea', required: true, maxLength: 2000 });

export const ACTIONS: Action[] = [
  { action: 'qualify', path: 'qualify', label: 'action.qualify', done: 'action.qualify.done', from: within('SUBMITTED'), fields: () => [], body: () => undefined },
  {
    action: 'quote', path: 'quote', label: 'action.quote', done: 'action.quote.done', from: within('QUALIFIED', 'QUOTED'),
    fields: (r) => moneyFields('quote', r, 'ops.quoteAmount', 'amount', r.quotedAmount ?? r.estimatedValue),
    body: (v) => ({ amount: { amount: v.amount, currency: v.currency } }),
  },
  {
    action: 'contract', path: 'contract', label: 'action.contract', done: 'action.contract.done', from: within('QUALIFIED', 'QUOTED'),
    fields: (r) => [
      ...moneyFields('contract', r, 'ops.contractValue', 'contractValue', r.quotedAmount ?? r.estimatedValue),
      { name: 'signedAt', id: 'ops-contract-signed-at', label: 'ops.signedAt', type: 'datetime-local', required: true, value: localNow() },
    ],
    body: (v) => ({ contractValue: { amount: v.amount, currency: v.currency }, signedAt: toInstant(v.signedAt) }),
  },
  {
    action: 'payment', path: 'payments', label: 'action.payment', done: 'action.payment.done', from: within('CONTRACTED', 'DELIVERED'),
    fields: (r) => [
      ...moneyFields('payment', r, 'ops.paymentAmount', 'amount'),
      {
        name: 'kind', id: 'ops-payment-kind', label: 'ops.paymentKind', type: 'select', value: 'DEPOSIT',
        options: ['DEPOSIT', 'MILESTONE', 'FINAL'].map((k) => ({ value: k, label: `paymentKind.${k}` as MessageKey })),
      },
      { name: 'receivedAt', id: 'ops-payment-received-at', label: 'ops.receivedAt', type: 'datetime-local', required: true, value: localNow() },
      { name: 'paymentId', id: 'ops-payment-id', label: 'ops.paymentId', required: true, value: newId(), hint: 'ops.paymentIdHint', maxLength: 100 },
    ],
    body: (v) => ({ paymentId: v.paymentId, amount: { amount: v.amount, currency: v.currency }, kind: v.kind, receivedAt: toInstant(v.receivedAt) }),
  },
  {
    action: 'milestone', path: 'milestones', label: 'action.milestone', done: 'action.milestone.done', from: within('CONTRACTED'),
    fields: () => [
      { name: 'name', id: 'ops-milestone-name', label: 'ops.milestoneName', required: true, maxLength: 200 },
      { name: 'note', id: 'ops-milestone-note', label: 'ops.milestoneNote', type: 'textarea', maxLength: 5000 },
    ],
    body: (v) => ({ name: v.name, ...(v.note ? { note: v.note } : {}) }),
  },
  { action: 'deliver', path: 'deliver', label: 'action.deliver', done: 'action.deliver.done', from: within('CONTRACTED'), fields: () => [], body: () => undefined },
  { action: 'complete', path: 'complete', label: 'action.complete', done: 'action.complete.done', from: within('DELIVERED'), fields: () => [], body: () => undefined },
  {
    action: 'refund', path: 'refunds', label: 'action.refund', done: 'action.refund.done',
    from: (r) => Number(r.cashReceived?.amount ?? 0) > 0,
    fields: (r) => [
      ...moneyFields('refund', r, 'ops.refundAmount', 'amount'),
      reasonField('refund'),
      { name: 'issuedAt', id: 'ops-refund-issued-at', label: 'ops.issuedAt', type: 'datetime-local', required: true, value: localNow() },
      { name: 'refundId', id: 'ops-refund-id', label: 'ops.refundId', required: true, value: newId(), hint: 'ops.refundIdHint', maxLength: 100 },
    ],
    body: (v) => ({ refundId: v.refundId, amount: { amount: v.amount, currency: v.currency }, reason: v.reason, issuedAt: toInstant(v.issuedAt) }),
  },
  { action: 'lose', path: 'lose', label: 'action.lose', done: 'action.lose.done', from: within(...OPEN), fields: () => [reasonField('lose')], body: (v) => ({ reason: v.reason }) },
  { action: 'reject', path: 'reject', label: 'action.reject', done: 'action.reject.done', from: within('SUBMITTED', 'QUALIFIED'), fields: () => [reasonField('reject')], body: (v) => ({ reason: v.reason }) },
  {
    action: 'reassign', path: 'reassign', label: 'action.reassign', done: 'action.reassign.done', from: within('SUBMITTED', 'QUALIFIED', 'QUOTED'),
    fields: () => [
      { name: 'partnerId', id: 'ops-reassign-partner', label: 'ops.newPartner', required: true, maxLength: 100 },
      reasonField('reassign'),
    ],
    body: (v) => ({ partnerId: v.partnerId, reason: v.reason }),
  },
];

export function opsView(ctx: AppContext): View {
  const listBox = h('div', { 'aria-busy': 'true' }, loading());
  const detail = h('section', { id: 'ops-detail', className: 'card', hidden: true, 'aria-labelledby': 'ops-detail-heading' });
  const detailMessage = h('div', { id: 'ops-message', className: 'form-message', role: 'status', 'aria-live': 'polite' });
  let filter = { status: 'SUBMITTED', partnerId: '' };
  let selected: Referral | null = null;

  const filterForm = new Form({
    id: 'ops-filter',
    className: 'form form-inline',
    fields: [
      {
        name: 'status', id: 'ops-status', label: 'ops.filterStatus', type: 'select', value: filter.status,
        options: [{ value: '', label: 'ops.allStatuses' }, ...REFERRAL_STATUSES.map((s) => ({ value: s, label: `status.${s}` as MessageKey }))],
      },
      { name: 'partnerId', id: 'ops-partner', label: 'ops.filterPartner', maxLength: 100 },
    ],
    submit: 'ops.show',
    onSubmit: async (values) => {
      filter = { status: values.status, partnerId: values.partnerId };
      await loadList();
    },
  });

  const page = h('div', { className: 'ops' },
    h('h1', {}, tx('ops.title')),
    section('ops-list', 'ops.toWork', filterForm.element, listBox),
    detail);

  async function loadList(): Promise<void> {
    listBox.setAttribute('aria-busy', 'true');
    const query = new URLSearchParams({ page: '0', size: String(PORTAL.pageSize) });
    if (filter.status) {
      query.set('status', filter.status);
    }
    if (filter.partnerId) {
      query.set('partnerId', filter.partnerId);
    }
    try {
      const list = await ctx.api.get<Page<Referral>>(`/api/referrals?${query}`);
      const items = [...(list.items ?? [])].sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? ''));
      const rows = items.map((referral) => {
        const work = tx('ops.work', undefined, 'button');
        work.type = 'button';
        work.className = 'secondary';
        work.addEventListener('click', () => void select(referral.referralId, true));
        return h('tr', { 'data-referral-id': referral.referralId },
          h('th', { scope: 'row' }, referral.client?.company ?? '—'),
          h('td', {}, h('code', {}, referral.partnerId)),
          h('td', {}, statusBadge(referral.status)),
          h('td', {}, money(referral.contractValue ?? referral.estimatedValue)),
          h('td', {}, money(referral.cashReceived)),
          h('td', {}, date(referral.updatedAt)),
          h('td', {}, work));
      });
      replaceChildren(listBox, table('ops-referrals', 'ops.toWork',
        ['referral.company', 'ops.partner', 'referral.status', 'referral.value', 'referral.cashReceived', 'referral.updated', 'referral.actions'],
        rows, 'ops.none'),
      list.total > items.length ? tx('common.showingFirst', { shown: items.length, total: list.total }, 'p') : null);
    } catch (error) {
      replaceChildren(listBox, problemPanel(error));
    } finally {
      listBox.setAttribute('aria-busy', 'false');
    }
  }

  async function select(referralId: string, focus: boolean): Promise<void> {
    replaceChildren(detailMessage);
    detail.hidden = false;
    try {
      selected = await ctx.api.get<Referral>(`/api/referrals/${encodeURIComponent(referralId)}`);
      renderDetail(focus);
    } catch (error) {
      replaceChildren(detail, problemPanel(error));
    }
  }

  function renderDetail(focus: boolean): void {
    const referral = selected;
    if (!referral) {
      return;
    }
    const heading = h('h2', { id: 'ops-detail-heading', tabindex: -1 }, referral.client?.company ?? '—', ' ', statusBadge(referral.status));
    const facts = h('dl', { className: 'facts' },
      h('dt', {}, tx('ops.partner')), h('dd', {}, h('code', {}, referral.partnerId)),
      h('dt', {}, tx('referral.contact')), h('dd', {}, `${referral.client?.contactName ?? ''} <${referral.client?.contactEmail ?? ''}>`),
      h('dt', {}, tx('referral.description')), h('dd', {}, referral.description ?? ''),
      h('dt', {}, tx('referral.estimatedValue')), h('dd', {}, money(referral.estimatedValue)),
      h('dt', {}, tx('referral.contractValue')), h('dd', {}, money(referral.contractValue)),
      h('dt', {}, tx('referral.cashReceived')), h('dd', {}, money(referral.cashReceived)),
      h('dt', {}, tx('referral.refunded')), h('dd', {}, money(referral.refunded)));
    const allowed = ACTIONS.filter((a) => a.from(referral));
    const others = ACTIONS.filter((a) => !a.from(referral));
    const summary = tx('ops.otherActions', undefined, 'summary');
    replaceChildren(detail,
      heading,
      detailMessage,
      h('div', { className: 'grid' },
        h('div', {}, facts, tx('ops.timeline', undefined, 'h3'), timeline(referral.timeline)),
        h('div', {},
          tx('ops.availableActions', undefined, 'h3'),
          allowed.length ? h('div', { className: 'actions' }, allowed.map((a) => actionForm(a, referral))) : tx('ops.noActions', undefined, 'p'),
          others.length ? h('details', { className: 'other-actions' }, summary, h('div', { className: 'actions' }, others.map((a) => actionForm(a, referral)))) : null)));
    if (focus) {
      heading.focus();
    }
  }

  function actionForm(action: Action, referral: Referral): HTMLElement {
    const fields = action.fields(referral);
    const form = new Form({
      id: `ops-action-${action.action}`,
      className: 'form action-form',
      fields,
      submit: action.label,
      onSubmit: async (values) => {
        const updated = await ctx.api.post<Referral>(
          `/api/referrals/${encodeURIComponent(referral.referralId)}/${action.path}`, action.body(values, referral));
        selected = updated ?? selected;
        renderDetail(false);
        detailMessage.className = 'form-message success';
        const text = h('p', {});
        setText(text, action.done, { company: referral.client?.company ?? '' });
        replaceChildren(detailMessage, text);
        ctx.announce(action.done, { company: referral.client?.company ?? '' });
        void loadList();
        detail.querySelector<HTMLElement>('#ops-detail-heading')?.focus();
        return null;
      },
    });
    form.element.dataset.action = action.action;
    if (fields.length === 0) {
      return h('div', { className: 'action' }, form.element);
    }
    // a form with fields gets a heading naming the action, so "Reason" says what it is the reason for
    const heading = tx(action.label, undefined, 'h4');
    heading.id = `ops-action-${action.action}-heading`;
    form.element.setAttribute('aria-labelledby', heading.id);
    return h('div', { className: 'action' }, heading, form.element);
  }

  void loadList();
  return { element: page };
}
