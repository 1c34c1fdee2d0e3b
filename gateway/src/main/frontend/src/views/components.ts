/** Pieces several views show: balances, referral lists, a referral's timeline, the notification feed. */
import type { CommissionSummary, Notification, Referral, TimelineEntry } from '../api/types';
import { BALANCE_FIELDS } from '../api/types';
import type { MessageKey } from '../i18n/i18n';
import { h } from '../ui/dom';
import { date, dateTime, money, setAttr, tx } from '../ui/l10n';
import { describe, problemBlock } from '../ui/forms';

export function statusBadge(status: string): HTMLElement {
  const badge = tx(`status.${status}` as MessageKey, undefined, 'span');
  badge.className = `status-badge status-${status.toLowerCase()}`;
  badge.dataset.status = status;
  return badge;
}

/** A table with a caption, column headers with scope, and the rows given. */
export function table(id: string, caption: MessageKey, columns: MessageKey[], rows: HTMLTableRowElement[], empty: MessageKey): HTMLElement {
  if (rows.length === 0) {
    const nothing = tx(empty, undefined, 'p');
    nothing.className = 'empty';
    nothing.id = id;
    return nothing;
  }
  const captionElement = tx(caption, undefined, 'caption');
  captionElement.className = 'visually-hidden';
  return h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-caption` },
    h('table', { id },
      Object.assign(captionElement, { id: `${id}-caption` }),
      h('thead', {}, h('tr', {}, columns.map((key) => {
        const th = tx(key, undefined, 'th');
        th.scope = 'col';
        return th;
      }))),
      h('tbody', {}, rows)));
}

/** Balances per currency: accrued, pending, payable, paid, projected (and reversed, balance). */
export function summaryTable(summary: CommissionSummary | null): HTMLElement {
  const currencies = summary?.currencies ?? [];
  const rows = currencies.map((balance) => h('tr', { 'data-currency': balance.currency },
    h('th', { scope: 'row' }, balance.currency),
    BALANCE_FIELDS.map((fieldName) => h('td', { 'data-field': fieldName }, money(balance[fieldName] ?? null)))));
  return table('summary-table', 'commission.summaryCaption',
    ['commission.currency', ...BALANCE_FIELDS.map((f) => `balance.${f}` as MessageKey)], rows, 'commission.none');
}

export function referralRows(referrals: Referral[], action: (referral: Referral) => HTMLElement): HTMLTableRowElement[] {
  return referrals.map((referral) => h('tr', { 'data-referral-id': referral.referralId },
    h('th', { scope: 'row' }, referral.client?.company ?? '—'),
    h('td', {}, statusBadge(referral.status)),
    h('td', {}, money(referral.contractValue ?? referral.estimatedValue)),
    h('td', {}, money(referral.cashReceived)),
    h('td', {}, date(referral.updatedAt ?? referral.createdAt)),
    h('td', {}, action(referral))));
}

export const REFERRAL_COLUMNS: MessageKey[] = [
  'referral.company', 'referral.status', 'referral.value', 'referral.cashReceived', 'referral.updated', 'referral.actions',
];

/** Every stage the referral went through, oldest first, with its date. */
export function timeline(entries: TimelineEntry[] | undefined): HTMLElement {
  const sorted = [...(entries ?? [])].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  if (sorted.length === 0) {
    return tx('timeline.empty', undefined, 'p');
  }
  return h('ol', { className: 'timeline' }, sorted.map((entry) => {
    const kind = eventLabel(entry.type);
    return h('li', { 'data-type': entry.type },
      dateTime(entry.at),
      h('span', { className: 'timeline-type' }, kind),
      entry.summary ? h('span', { className: 'timeline-summary', lang: 'en' }, entry.summary) : null);
  }));
}

/** An event type (EVENTS.md: rapport.referral.contract-signed.v1, or a bare SUBMITTED) in words. */
export function eventLabel(type: string | null | undefined): HTMLElement {
  const slug = eventSlug(type);
  const element = tx(`event.${slug}` as MessageKey, undefined, 'span');
  if (element.textContent === `event.${slug}`) {
    element.textContent = type ?? '';
    delete element.dataset.i18n;
  }
  return element;
}

export function eventSlug(type: string | null | undefined): string {
  const text = (type ?? '').trim();
  const match = /^rapport\.(?:referral|partner|commission)\.([a-z-]+)\.v\d+$/.exec(text);
  if (match) {
    return match[1];
  }
  return text.toLowerCase().replace(/_/g, '-');
}

export function notificationList(notifications: Notification[], id = 'notification-feed'): HTMLElement {
  if (notifications.length === 0) {
    const empty = tx('notifications.empty', undefined, 'p');
    empty.id = id;
    empty.className = 'empty';
    return empty;
  }
  return h('ol', { id, className: 'feed' }, notifications.map(notificationItem));
}

export function notificationItem(notification: Notification): HTMLLIElement {
  return h('li', { 'data-notification-id': notification.notificationId, 'data-event-type': notification.eventType },
    h('p', { className: 'feed-subject', lang: notification.language || null }, notification.subject),
    h('p', { className: 'feed-body', lang: notification.language || null }, notification.body),
    h('p', { className: 'feed-meta' }, dateTime(notification.createdAt), ' · ', eventLabel(notification.eventType)));
}

export function problemPanel(error: unknown): HTMLElement {
  const panel = h('div', { className: 'panel-problem', role: 'alert' }, problemBlock(describe(error)));
  return panel;
}

export function loading(): HTMLElement {
  const element = tx('common.loading', undefined, 'p');
  element.className = 'loading';
  element.setAttribute('aria-busy', 'true');
  return element;
}

export function section(id: string, heading: MessageKey, ...children: (Node | null)[]): HTMLElement {
  const title = tx(heading, undefined, 'h2');
  title.id = `${id}-heading`;
  return h('section', { id, className: 'card', 'aria-labelledby': `${id}-heading` }, title, children);
}

export function iconButton(label: MessageKey, text: MessageKey, onClick: () => void, params?: Record<string, string>): HTMLButtonElement {
  const button = tx(text, undefined, 'button');
  button.type = 'button';
  button.className = 'secondary';
  setAttr(button, 'aria-label', label, params);
  button.addEventListener('click', onClick);
  return button;
}
