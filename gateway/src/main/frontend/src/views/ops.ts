/**
 * The operations pipeline: every referral on a board, one column per status, found by client or partner name, and
 * on the chosen one the lifecycle actions of API.md ("Referrals", "Deals as they really go"): qualify, quote, sign
 * the contract with the client's instalments, payments, refunds, milestones, amendments (change orders), a new
 * schedule, co-introducers' shares, follow-ons, deliver, complete, lose, reject, credit another partner. The actions
 * the current status allows come first; the others stay reachable, and the API's refusal is shown where the action
 * was tried, on its fields. Partners are chosen by name, never by typing an id.
 */
import { newId } from '../api/client';
import type { Money, Page, ReferralStatus } from '../api/types';
import { CURRENCIES, REFERRAL_STATUSES } from '../api/types';
import type { DealReferral } from '../api/ops-types';
import type { AppContext, View } from '../app-context';
import { foldForSearch } from '../format/finance';
import { currencyDigits, formatMoney, formatRate, fromMinorUnits, toMinorUnits } from '../format/format';
import { type MessageKey, i18n } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { type FieldSpec, Form } from '../ui/forms';
import { rendered } from '../ui/rendered';
import { date, money, setText, tx } from '../ui/l10n';
import { loading, problemPanel, section, statusBadge, table } from './components';
import {
  OpsDirectory, ScheduleEditor, SharesEditor, inOpsWords, partnerPickerFields, takeReferralToOpen, wirePartnerPicker,
} from './ops-common';
import { readableTimeline } from './timeline-view';

/** Something an action form carries besides its plain fields (the schedule or shares editor). */
interface Extra {
  element: HTMLElement;
  /** what to add to the body; null when the editor refused its rows (it says why) */
  read(): Record<string, unknown> | null;
  showErrors(error: unknown): void;
}

interface Action {
  action: string;
  /** path after /api/referrals/{id}/ */
  path: string;
  method?: 'POST' | 'PUT';
  label: MessageKey;
  done: MessageKey;
  from: (referral: DealReferral) => boolean;
  fields: (referral: DealReferral) => FieldSpec[];
  body: (values: Record<string, string>, referral: DealReferral) => Record<string, unknown> | undefined;
  extra?: (referral: DealReferral, form: () => Form) => Extra;
  /** after the form is built: fill pickers */
  wire?: (form: Form, referral: DealReferral) => void;
  /** a new referral comes back (follow-on): open it */
  opensNew?: boolean;
}

const OPEN: ReferralStatus[] = ['SUBMITTED', 'QUALIFIED', 'QUOTED', 'CONTRACTED', 'DELIVERED'];
const within = (...statuses: ReferralStatus[]) => (referral: DealReferral) => statuses.includes(referral.status);

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

/** What the client has still to pay on the contract: its value less the payments received (refunds aside). */
export function unpaidOf(referral: DealReferral): Money | null {
  const value = referral.contractValue;
  if (!value) {
    return null;
  }
  const digits = currencyDigits(value.currency);
  const total = toMinorUnits(value.amount, digits);
  const paid = referral.cashReceived && referral.cashReceived.currency === value.currency ? toMinorUnits(referral.cashReceived.amount, digits) : 0n;
  return total === null || paid === null ? null : { amount: fromMinorUnits(total - paid, digits), currency: value.currency };
}

function currencyOf(referral: DealReferral): string {
  return referral.contractValue?.currency ?? referral.quotedAmount?.currency ?? referral.estimatedValue?.currency ?? 'EUR';
}

function moneyFields(prefix: string, referral: DealReferral, label: MessageKey, apiField: string, amount?: Money | null, hint?: MessageKey): FieldSpec[] {
  return [
    { name: 'amount', id: `ops-${prefix}-amount`, label, required: true, inputmode: 'decimal', value: amount?.amount ?? '', apiFields: [apiField, `${apiField}.amount`], hint },
    {
      name: 'currency', id: `ops-${prefix}-currency`, label: 'ops.currency', type: 'select', value: amount?.currency ?? currencyOf(referral),
      options: CURRENCIES.map((c) => ({ value: c, text: c })), apiFields: [`${apiField}.currency`],
    },
  ];
}

const reasonField = (prefix: string): FieldSpec => ({ name: 'reason', id: `ops-${prefix}-reason`, label: 'ops.reason', type: 'textarea', required: true, maxLength: 2000 });

function scheduleExtra(testId: string, currency: () => string, initial: DealReferral['schedule'] = [], legend?: MessageKey,
  hint?: { key: MessageKey; params?: Record<string, string | number> }): Extra {
  const editor = new ScheduleEditor(testId, currency, legend, hint);
  (initial ?? []).forEach((instalment) => editor.addRow(instalment));
  if (editor.size === 0) {
    editor.addRow();
  }
  return {
    element: editor.element,
    read: () => {
      const schedule = editor.read();
      return schedule === null ? null : { schedule };
    },
    showErrors: (error) => editor.showErrors(error, 'schedule'),
  };
}

export function actionsFor(directory: OpsDirectory): Action[] {
  return [
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
        { name: 'signedAt', id: 'ops-contract-signed-at', label: 'ops.signedAt', type: 'datetime-local', required: true, value: localNow(), apiFields: ['signedAt'] },
      ],
      body: (v) => ({ contractValue: { amount: v.amount, currency: v.currency }, signedAt: toInstant(v.signedAt) }),
      extra: (_r, form) => {
        const extra = scheduleExtra('ops-contract-schedule', () => form().values().currency, [], 'ops.scheduleOptional');
        return {
          ...extra,
          // no instalment typed: a contract without a schedule
          read: () => {
            const read = extra.read();
            return read === null ? null : ((read.schedule as unknown[]).length ? read : {});
          },
        };
      },
    },
    {
      action: 'payment', path: 'payments', label: 'action.payment', done: 'action.payment.done', from: within('CONTRACTED', 'DELIVERED'),
      fields: (r) => [
        ...moneyFields('payment', r, 'ops.paymentAmount', 'amount', null),
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
      action: 'amendment', path: 'amendments', label: 'ops.action.amendment', done: 'ops.action.amendment.done', from: within('CONTRACTED', 'DELIVERED'),
      fields: (r) => [
        { name: 'direction', id: 'ops-amendment-direction', label: 'ops.amendmentDirection', type: 'select', value: 'up',
          options: [{ value: 'up', label: 'ops.amendmentUp' }, { value: 'down', label: 'ops.amendmentDown' }] },
        ...moneyFields('amendment', r, 'ops.amendmentDelta', 'delta', null, 'ops.amendmentHint'),
        reasonField('amendment'),
        { name: 'signedAt', id: 'ops-amendment-signed-at', label: 'ops.signedAt', type: 'datetime-local', required: true, value: localNow() },
        { name: 'amendmentId', id: 'ops-amendment-id', label: 'ops.amendmentId', required: true, value: newId(), hint: 'ops.amendmentIdHint', maxLength: 100 },
      ],
      body: (v) => ({
        amendmentId: v.amendmentId,
        delta: { amount: v.direction === 'down' ? `-${v.amount.replace(/^[-+]/, '')}` : v.amount.replace(/^\+/, ''), currency: v.currency },
        reason: v.reason,
        signedAt: toInstant(v.signedAt),
      }),
    },
    {
      action: 'schedule', path: 'schedule', method: 'PUT', label: 'ops.action.schedule', done: 'ops.action.schedule.done', from: within('CONTRACTED', 'DELIVERED'),
      fields: () => [],
      body: () => ({}),
      // the new instalments cover what the client has not paid yet (API.md: it replaces the unpaid part)
      extra: (r) => scheduleExtra('ops-schedule-editor', () => currencyOf(r), [], 'ops.schedule',
        { key: 'ops.scheduleReplaceHint', params: { unpaid: formatMoney(unpaidOf(r), i18n.language) } }),
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
      from: (r) => Number(r.cashReceived?.amount ?? 0) > Number(r.refunded?.amount ?? 0),
      fields: (r) => [
        ...moneyFields('refund', r, 'ops.refundAmount', 'amount', null),
        reasonField('refund'),
        { name: 'issuedAt', id: 'ops-refund-issued-at', label: 'ops.issuedAt', type: 'datetime-local', required: true, value: localNow() },
        { name: 'refundId', id: 'ops-refund-id', label: 'ops.refundId', required: true, value: newId(), hint: 'ops.refundIdHint', maxLength: 100 },
      ],
      body: (v) => ({ refundId: v.refundId, amount: { amount: v.amount, currency: v.currency }, reason: v.reason, issuedAt: toInstant(v.issuedAt) }),
    },
    {
      action: 'split', path: 'split', label: 'ops.action.split', done: 'ops.action.split.done', from: within('SUBMITTED', 'QUALIFIED', 'QUOTED'),
      fields: () => [],
      body: () => ({}),
      extra: (r) => {
        const editor = new SharesEditor('ops-split-shares', directory);
        const current = r.shares?.length ? r.shares : [{ partnerId: r.partnerId, share: '1' }];
        current.forEach((share) => editor.addRow(share));
        editor.addRow();
        return {
          element: editor.element,
          read: () => {
            const shares = editor.read();
            return shares === null ? null : { shares };
          },
          showErrors: (error) => editor.showErrors(error, 'shares'),
        };
      },
    },
    {
      action: 'follow-on', path: 'follow-ons', label: 'ops.action.followOn', done: 'ops.action.followOn.done', from: within('CONTRACTED', 'DELIVERED', 'COMPLETED'),
      opensNew: true,
      fields: (r) => [
        { name: 'description', id: 'ops-follow-on-description', label: 'ops.followOnDescription', type: 'textarea', required: true, maxLength: 5000 },
        { name: 'amount', id: 'ops-follow-on-amount', label: 'ops.followOnEstimate', inputmode: 'decimal', apiFields: ['estimatedValue', 'estimatedValue.amount'] },
        { name: 'currency', id: 'ops-follow-on-currency', label: 'ops.currency', type: 'select', value: currencyOf(r), options: CURRENCIES.map((c) => ({ value: c, text: c })) },
      ],
      body: (v) => ({ description: v.description, ...(v.amount ? { estimatedValue: { amount: v.amount, currency: v.currency } } : {}) }),
    },
    { action: 'lose', path: 'lose', label: 'action.lose', done: 'action.lose.done', from: within(...OPEN), fields: () => [reasonField('lose')], body: (v) => ({ reason: v.reason }) },
    { action: 'reject', path: 'reject', label: 'action.reject', done: 'action.reject.done', from: within('SUBMITTED', 'QUALIFIED'), fields: () => [reasonField('reject')], body: (v) => ({ reason: v.reason }) },
    {
      action: 'reassign', path: 'reassign', label: 'action.reassign', done: 'action.reassign.done', from: within('SUBMITTED', 'QUALIFIED', 'QUOTED'),
      fields: () => [...partnerPickerFields('ops-reassign-partner', 'ops.newPartner'), reasonField('reassign')],
      body: (v) => ({ partnerId: v['ops-reassign-partner'], reason: v.reason }),
      wire: (form, r) => { wirePartnerPicker(form, 'ops-reassign-partner', directory, { exclude: () => [r.partnerId] }); },
    },
  ];
}

/** The board's columns: open work first, then the closed statuses. */
export const BOARD_STATUSES: ReferralStatus[] = [...REFERRAL_STATUSES];

/** Referrals whose client company, contact or partner name contains every word of the query. */
export function matchReferrals(referrals: DealReferral[], query: string, partnerName: (id: string) => string | undefined): DealReferral[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) {
    return referrals;
  }
  return referrals.filter((r) => {
    const haystack = foldForSearch([
      r.client?.company, r.client?.contactName, r.client?.contactEmail, partnerName(r.partnerId),
      ...(r.shares ?? []).map((s) => partnerName(s.partnerId)),
    ].filter(Boolean).join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

export function opsView(ctx: AppContext): View {
  const directory = new OpsDirectory(ctx.api);
  const actions = actionsFor(directory);
  const boardBox = h('div', { id: 'ops-board-box', 'aria-busy': 'true' }, loading());
  const detail = h('section', { id: 'ops-detail', className: 'card', hidden: true, 'aria-labelledby': 'ops-detail-heading' });
  const detailMessage = h('div', { id: 'ops-message', className: 'form-message', role: 'status', 'aria-live': 'polite' });
  let filter = { status: '', partnerId: '', query: '' };
  let selected: DealReferral | null = null;
  let loaded: Map<ReferralStatus, { items: DealReferral[]; total: number }> = new Map();

  const filterForm = new Form({
    id: 'ops-filter',
    className: 'form form-inline',
    fields: [
      { name: 'query', id: 'ops-search', label: 'ops.searchReferrals', type: 'text', autocomplete: 'off', maxLength: 200 },
      {
        name: 'status', id: 'ops-status', label: 'ops.filterStatus', type: 'select', value: filter.status,
        options: [{ value: '', label: 'ops.allStatuses' }, ...REFERRAL_STATUSES.map((s) => ({ value: s, label: `status.${s}` as MessageKey }))],
      },
      ...partnerPickerFields('ops-partner', 'ops.filterPartner', { required: false }),
    ],
    submit: 'ops.show',
    onSubmit: async (values) => {
      filter = { status: values.status, partnerId: values['ops-partner'], query: values.query };
      await loadBoard();
    },
  });
  // typing in the search narrows the board at once; status and partner ask the API again
  filterForm.fields.get('query')?.control.addEventListener('input', () => {
    filter = { ...filter, query: filterForm.values().query };
    renderBoard();
  });

  const page = h('div', { className: 'ops' },
    h('h1', {}, tx('ops.title')),
    h('p', { className: 'ops-links' }, partnersLink()),
    section('ops-list', 'ops.pipeline', filterForm.element, boardBox),
    detail);

  function partnersLink(): HTMLElement {
    const link = tx('ops.partnersLink', undefined, 'a');
    link.href = '#/ops/partners';
    link.dataset.testid = 'ops-partners-link';
    return link;
  }

  const nameOf = (id: string) => directory.name(id);

  async function loadBoard(): Promise<void> {
    boardBox.setAttribute('aria-busy', 'true');
    const statuses = filter.status ? [filter.status as ReferralStatus] : BOARD_STATUSES;
    try {
      const answers = await Promise.all(statuses.map(async (status) => {
        const query = new URLSearchParams({ page: '0', size: '200', status });
        if (filter.partnerId) {
          query.set('partnerId', filter.partnerId);
        }
        const list = await ctx.api.get<Page<DealReferral>>(`/api/referrals?${query}`);
        return [status, { items: list.items ?? [], total: list.total ?? 0 }] as const;
      }));
      loaded = new Map(answers);
      renderBoard();
    } catch (error) {
      replaceChildren(boardBox, problemPanel(error));
    } finally {
      boardBox.setAttribute('aria-busy', 'false');
    }
  }

  function renderBoard(): void {
    const columns = [...loaded.entries()].map(([status, { items, total }]) => {
      const shown = matchReferrals(items, filter.query, nameOf)
        .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
      const headingId = `ops-column-${status.toLowerCase()}`;
      const heading = h('h3', { id: headingId }, statusBadge(status), ' ', h('span', { className: 'count' }, String(shown.length)));
      const cards = shown.map((referral) => card(referral));
      return h('section', { className: 'board-column', 'data-status': status, 'aria-labelledby': headingId },
        heading,
        cards.length ? h('ol', { className: 'board-cards' }, cards) : Object.assign(tx('ops.columnEmpty', undefined, 'p'), { className: 'empty' }),
        total > items.length ? tx('common.showingFirst', { shown: items.length, total }, 'p') : null);
    });
    const anything = [...loaded.values()].some((c) => c.items.length > 0);
    replaceChildren(boardBox, anything
      ? h('div', { id: 'ops-board', className: 'board', 'data-testid': 'ops-board' }, columns)
      : Object.assign(tx('ops.none', undefined, 'p'), { id: 'ops-board', className: 'empty' }));
  }

  function card(referral: DealReferral): HTMLElement {
    const open = h('button', { type: 'button', className: 'board-card-button', 'data-testid': 'ops-open-referral' },
      h('span', { className: 'board-card-company' }, referral.client?.company ?? '—'),
      h('span', { className: 'board-card-partner' }, partnerNames(referral)),
      h('span', { className: 'board-card-value' }, money(referral.contractValue ?? referral.quotedAmount ?? referral.estimatedValue ?? null)));
    open.addEventListener('click', () => void select(referral.referralId, true));
    return h('li', { className: 'board-card', 'data-referral-id': referral.referralId }, open);
  }

  function partnerNames(referral: DealReferral): string {
    const ids = referral.shares?.length ? referral.shares.map((s) => s.partnerId) : [referral.partnerId];
    return ids.map((id) => directory.name(id) ?? '…').join(', ');
  }

  async function select(referralId: string, focus: boolean): Promise<void> {
    replaceChildren(detailMessage);
    detail.hidden = false;
    try {
      selected = await ctx.api.get<DealReferral>(`/api/referrals/${encodeURIComponent(referralId)}`);
      renderDetail(focus);
    } catch (error) {
      replaceChildren(detail, problemPanel(error));
    }
  }

  function partnerCell(partnerId: string): HTMLElement {
    const name = directory.name(partnerId);
    return name ? h('span', {}, name) : tx('timeline.anotherPartner');
  }

  function renderDetail(focus: boolean): void {
    const referral = selected;
    if (!referral) {
      return;
    }
    const heading = h('h2', { id: 'ops-detail-heading', tabindex: -1 }, referral.client?.company ?? '—', ' ', statusBadge(referral.status));
    const shares = referral.shares && referral.shares.length > 1
      ? h('ul', { className: 'shares' }, referral.shares.map((s) => h('li', {}, partnerCell(s.partnerId), ' ', rendered('span', (language) => formatRate(s.share, language)))))
      : null;
    const followOn = referral.followOnOf ? (() => {
      const button = tx('ops.openOriginal', undefined, 'button');
      button.type = 'button';
      button.className = 'link-button';
      button.addEventListener('click', () => void select(referral.followOnOf as string, true));
      return button;
    })() : null;
    const facts = h('dl', { className: 'facts', 'data-testid': 'ops-referral-facts' },
      h('dt', {}, tx('ops.partner')), h('dd', {}, partnerCell(referral.partnerId)),
      shares ? [h('dt', {}, tx('ops.sharesHeading')), h('dd', {}, shares)] : null,
      followOn ? [h('dt', {}, tx('ops.followOnOf')), h('dd', {}, followOn)] : null,
      h('dt', {}, tx('referral.contact')), h('dd', {}, `${referral.client?.contactName ?? ''} <${referral.client?.contactEmail ?? ''}>`),
      h('dt', {}, tx('referral.description')), h('dd', {}, referral.description ?? ''),
      h('dt', {}, tx('referral.estimatedValue')), h('dd', {}, money(referral.estimatedValue)),
      referral.quotedAmount ? [h('dt', {}, tx('ops.quoteAmount')), h('dd', {}, money(referral.quotedAmount))] : null,
      h('dt', {}, tx('referral.contractValue')), h('dd', {}, money(referral.contractValue)),
      h('dt', {}, tx('referral.cashReceived')), h('dd', {}, money(referral.cashReceived)),
      h('dt', {}, tx('referral.refunded')), h('dd', {}, money(referral.refunded)));
    const schedule = (referral.schedule ?? []).length
      ? table('ops-schedule-table', 'ops.schedule', ['ops.instalment', 'ops.dueDate', 'ops.amount'],
        (referral.schedule ?? []).map((i) => h('tr', {}, h('th', { scope: 'row' }, i.name), h('td', {}, date(i.dueDate)), h('td', { className: 'num' }, money(i.amount)))),
        'ops.noSchedule')
      : null;
    const amendments = (referral.amendments ?? []).length
      ? table('ops-amendments-table', 'ops.amendments', ['ops.signedAt', 'ops.amendmentDelta', 'ops.reason'],
        (referral.amendments ?? []).map((a) => h('tr', {}, h('td', {}, date(a.signedAt)), h('td', { className: 'num' }, money(a.delta)), h('td', {}, a.reason))),
        'ops.noAmendments')
      : null;
    const allowed = actions.filter((a) => a.from(referral));
    const others = actions.filter((a) => !a.from(referral));
    const summary = tx('ops.otherActions', undefined, 'summary');
    replaceChildren(detail,
      heading,
      detailMessage,
      h('div', { className: 'grid' },
        h('div', {},
          facts,
          schedule ? [tx('ops.schedule', undefined, 'h3'), schedule] : null,
          amendments ? [tx('ops.amendments', undefined, 'h3'), amendments] : null,
          tx('ops.timeline', undefined, 'h3'),
          readableTimeline(referral.timeline, { partnerName: nameOf })),
        h('div', {},
          tx('ops.availableActions', undefined, 'h3'),
          allowed.length ? h('div', { className: 'actions' }, allowed.map((a) => actionForm(a, referral))) : tx('ops.noActions', undefined, 'p'),
          others.length ? h('details', { className: 'other-actions' }, summary, h('div', { className: 'actions' }, others.map((a) => actionForm(a, referral)))) : null)));
    if (focus) {
      heading.focus();
    }
  }

  function actionForm(action: Action, referral: DealReferral): HTMLElement {
    const fields = action.fields(referral);
    let form: Form | null = null;
    const extra = action.extra?.(referral, () => form as Form) ?? null;
    form = new Form({
      id: `ops-action-${action.action}`,
      className: 'form action-form',
      fields,
      submit: action.label,
      extra: extra ? [extra.element] : [],
      onSubmit: async (values) => {
        const added = extra ? extra.read() : {};
        if (added === null) {
          // the editor says which row is incomplete
          return null;
        }
        const base = action.body(values, referral);
        const body = base === undefined && !extra ? undefined : { ...(base ?? {}), ...added };
        const path = `/api/referrals/${encodeURIComponent(referral.referralId)}/${action.path}`;
        let updated: DealReferral;
        try {
          updated = action.method === 'PUT' ? await ctx.api.put<DealReferral>(path, body) : await ctx.api.post<DealReferral>(path, body);
        } catch (error) {
          extra?.showErrors(error);
          inOpsWords(error);
        }
        const company = referral.client?.company ?? '';
        if (action.opensNew && updated?.referralId) {
          selected = updated;
        } else {
          selected = updated ?? selected;
        }
        renderDetail(false);
        detailMessage.className = 'form-message success';
        const text = h('p', {});
        setText(text, action.done, { company });
        replaceChildren(detailMessage, text);
        ctx.announce(action.done, { company });
        void loadBoard();
        detail.querySelector<HTMLElement>('#ops-detail-heading')?.focus();
        return null;
      },
    });
    action.wire?.(form, referral);
    form.element.dataset.action = action.action;
    form.element.dataset.testid = `ops-action-${action.action}`;
    if (fields.length === 0 && !extra) {
      return h('div', { className: 'action' }, form.element);
    }
    // a form with fields gets a heading naming the action, so "Reason" says what it is the reason for
    const heading = tx(action.label, undefined, 'h4');
    heading.id = `ops-action-${action.action}-heading`;
    form.element.setAttribute('aria-labelledby', heading.id);
    return h('div', { className: 'action' }, heading, form.element);
  }

  async function start(): Promise<void> {
    try {
      await directory.load();
    } catch {
      // names stay unknown; the board still works
    }
    const refill = wirePartnerPicker(filterForm, 'ops-partner', directory, { empty: 'ops.everyPartner' });
    refill();
    await loadBoard();
    const pending = takeReferralToOpen();
    if (pending) {
      await select(pending, true);
    }
  }

  const onHash = () => {
    const pending = location.hash === '#/ops' ? takeReferralToOpen() : null;
    if (pending) {
      void select(pending, true);
    }
  };
  window.addEventListener('hashchange', onHash);
  void start();
  return {
    element: page,
    destroy: () => window.removeEventListener('hashchange', onHash),
  };
}
