/**
 * Disputes on ledger entries. In the commission ledger each entry the partner may dispute gets a "Dispute" button
 * that opens a short form under its row (POST /api/commissions/{entryId}/disputes `{message}`; the entry is then held
 * until finance resolves it); an entry already disputed links to `#/disputes`, which lists the partner's disputes
 * (GET /api/disputes?partnerId=) with their status, finance's outcome, note and any adjustment.
 */
import type { Dispute, EntryHold } from '../api/account-types';
import type { LedgerEntry, Page } from '../api/types';
import type { AppContext, View } from '../app-context';
import { PORTAL } from '../config';
import { disputable } from '../format/account';
import { formatDate, formatMoney } from '../format/format';
import { type MessageKey, i18n } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { date, dateTime, money, setAttr, tx } from '../ui/l10n';
import { ledgerOf } from './commissions';
import { loading, problemPanel, section, table } from './components';

export async function disputesOf(ctx: AppContext): Promise<Dispute[]> {
  const query = new URLSearchParams({ partnerId: ctx.claims.partnerId ?? '', page: '0', size: String(PORTAL.pageSize) });
  const answer = await ctx.api.get<Page<Dispute>>(`/api/disputes?${query}`);
  return answer.items ?? [];
}

function disputeBadge(status: string): HTMLElement {
  const badge = tx(`account.dispute.status.${status}` as MessageKey, undefined, 'span');
  badge.className = `status-badge status-${status.toLowerCase()}`;
  badge.dataset.status = status;
  return badge;
}

function disputesLink(): HTMLAnchorElement {
  const link = tx('account.dispute.follow', undefined, 'a');
  link.href = '#/disputes';
  return link;
}

/**
 * The ledger's dispute column: a function giving each entry's cell. The partner's open disputes are asked for once;
 * until they are known the cells wait, so an entry already disputed never offers a second dispute.
 */
export function disputeCells(ctx: AppContext): (entry: LedgerEntry) => HTMLElement {
  const open: Promise<Set<string>> = disputesOf(ctx)
    .then((disputes) => new Set(disputes.filter((d) => d.status === 'OPEN').map((d) => d.entryId)))
    .catch(() => new Set<string>());
  return (entry) => {
    const cell = h('span', { className: 'account-actions' });
    if (!disputable(entry)) {
      return cell;
    }
    void open.then((disputed) => {
      const held = (entry as LedgerEntry & { hold?: EntryHold | null }).hold;
      if (disputed.has(entry.entryId)) {
        replaceChildren(cell, disputeBadge('OPEN'), disputesLink());
        return;
      }
      replaceChildren(cell, held ? tx('account.dispute.held') : null, disputeButton(ctx, entry, cell));
    });
    return cell;
  };
}

const PANEL_ID = 'dispute-panel';

/**
 * Opens (or closes) the dispute form of an entry. The form goes under the ledger's table, not into it: a wide table
 * scrolls sideways on a phone, and a form inside it would too.
 */
function disputeButton(ctx: AppContext, entry: LedgerEntry, cell: HTMLElement): HTMLButtonElement {
  const button = tx('account.dispute.open', undefined, 'button');
  button.type = 'button';
  button.className = 'secondary';
  button.dataset.testid = 'dispute-entry';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', PANEL_ID);
  const params = {
    date: formatDate(entry.occurredOn ?? entry.createdAt, i18n.language),
    amount: formatMoney(entry.amount, i18n.language),
  };
  setAttr(button, 'aria-label', 'account.dispute.openLabel', params);
  button.addEventListener('click', () => {
    const existing = document.getElementById(PANEL_ID);
    const mine = existing?.dataset.entryId === entry.entryId;
    existing?.remove();
    document.querySelectorAll('[data-testid="dispute-entry"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    if (mine) {
      return;
    }
    const title = tx('account.dispute.openLabel', params, 'h3');
    title.id = `${PANEL_ID}-title`;
    const close = (): void => {
      panel.remove();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    };
    const panel = h('div', { id: PANEL_ID, className: 'dispute-panel', role: 'region', 'aria-labelledby': title.id, 'data-entry-id': entry.entryId },
      title,
      disputeForm(ctx, entry, () => replaceChildren(cell, disputeBadge('OPEN'), disputesLink()), close));
    (cell.closest('.table-scroll') ?? cell.closest('table') ?? cell).after(panel);
    button.setAttribute('aria-expanded', 'true');
    panel.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  });
  return button;
}

function disputeForm(ctx: AppContext, entry: LedgerEntry, onOpened: () => void, onCancel: () => void): HTMLElement {
  const cancel = tx('account.dispute.cancel', undefined, 'button');
  cancel.type = 'button';
  cancel.className = 'secondary';
  cancel.addEventListener('click', onCancel);
  const form = new Form({
    id: `dispute-form-${entry.entryId}`,
    className: 'form dispute-form',
    fields: [{
      name: 'message', id: `dispute-message-${entry.entryId}`, label: 'account.dispute.message', type: 'textarea',
      required: true, maxLength: 2000, hint: 'account.dispute.messageHint',
    }],
    submit: 'account.dispute.submit',
    extra: [],
    onSubmit: async (values) => {
      await ctx.api.post<Dispute>(`/api/commissions/${encodeURIComponent(entry.entryId)}/disputes`, { message: values.message });
      onOpened();
      form.element.querySelectorAll<HTMLElement>('.field, .form-actions').forEach((element) => element.remove());
      ctx.announce('account.dispute.opened');
      return 'account.dispute.opened';
    },
  });
  form.element.querySelector('.form-actions')?.appendChild(cancel);
  form.element.dataset.testid = 'dispute-form';
  return form.element;
}

/** `#/disputes`: every dispute of the partner, newest first, each with the entry it is about in words. */
export function disputesView(ctx: AppContext): View {
  const box = h('div', { 'aria-busy': 'true' }, loading());
  const intro = tx('account.disputes.intro', undefined, 'p');
  const toLedger = tx('account.disputes.toLedger', undefined, 'a');
  toLedger.href = '#/commissions';
  const page = h('div', {},
    h('h1', {}, tx('account.disputes.title')),
    section('disputes', 'account.disputes.heading', intro, h('p', {}, toLedger), box));

  async function load(): Promise<void> {
    try {
      const [disputes, entries] = await Promise.all([disputesOf(ctx), ledgerOf(ctx).catch(() => [] as LedgerEntry[])]);
      const byId = new Map(entries.map((e) => [e.entryId, e]));
      const sorted = [...disputes].sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
      const rows = sorted.map((dispute) => {
        const entry = byId.get(dispute.entryId);
        return h('tr', { 'data-dispute-id': dispute.disputeId, 'data-status': dispute.status },
          h('td', {}, date(dispute.openedAt)),
          h('td', {}, entry
            ? [date(entry.occurredOn ?? entry.createdAt), ' · ', tx(`entry.${entry.type}` as MessageKey), ' · ', money(entry.amount)]
            : tx('account.disputes.unknownEntry')),
          h('td', { className: 'dispute-message' }, dispute.message),
          h('td', {}, disputeBadge(dispute.status)),
          h('td', {}, resolution(dispute)));
      });
      replaceChildren(box, table('disputes-table', 'account.disputes.caption', [
        'account.disputes.opened', 'account.disputes.entry', 'account.disputes.message', 'account.disputes.status',
        'account.disputes.resolution',
      ], rows, 'account.disputes.none'));
    } catch (error) {
      replaceChildren(box, problemPanel(error));
    } finally {
      box.setAttribute('aria-busy', 'false');
    }
  }

  const unsubscribe = ctx.notifications?.subscribe({ onNotification: () => void load() });
  void load();
  return { element: page, destroy: () => unsubscribe?.() };
}

function resolution(dispute: Dispute): HTMLElement {
  if (dispute.status !== 'RESOLVED') {
    return tx('account.disputes.waiting', undefined, 'span');
  }
  const outcome = dispute.outcome ? tx(`account.dispute.outcome.${dispute.outcome}` as MessageKey, undefined, 'strong') : null;
  return h('div', { className: 'dispute-resolution' },
    h('p', {}, outcome, dispute.resolvedAt ? [' · ', dateTime(dispute.resolvedAt)] : null),
    dispute.note ? h('p', {}, dispute.note) : null,
    dispute.adjustment ? h('p', {}, tx('account.disputes.adjustment'), ' ', money(dispute.adjustment)) : null);
}
