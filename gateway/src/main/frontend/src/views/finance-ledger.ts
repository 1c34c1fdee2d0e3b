/**
 * A partner's ledger as finance sees it (partner found by name): balances, every entry with its hold, and holding or
 * releasing an entry with a reason. A held entry is in no new payout batch; an entry a dispute holds is released by
 * resolving the dispute.
 */
import type { FinanceLedgerEntry } from '../api/finance-types';
import type { CommissionSummary, Page } from '../api/types';
import type { AppContext, View } from '../app-context';
import { formatRate } from '../format/format';
import { i18n } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { field } from '../ui/forms';
import { date, dateTime, money, setText, tx } from '../ui/l10n';
import { loading, section, summaryTable, table } from './components';
import { button, financeProblem, loadPartners, outcomeRegion, pageHeading, partnerPicker } from './finance-common';
import { entryTypeLabel } from './finance-common';

export function financeLedgerView(ctx: AppContext): View {
  const pickerBox = h('div', {}, loading());
  const summaryBox = h('div', {});
  const ledgerBox = h('div', {});
  const outcome = outcomeRegion('finance-hold-outcome');
  let partnerId = '';

  const page = h('div', { className: 'finance' },
    pageHeading('finance.ledger.title', 'finance.ledger.intro'),
    section('finance-ledger-partner', 'finance.ledger.partner', pickerBox),
    section('finance-ledger-summary', 'finance.ledger.summary', summaryBox),
    section('finance-ledger-entries', 'finance.ledger.entries', outcome.element, ledgerBox));

  async function holdOrRelease(entry: FinanceLedgerEntry, action: 'hold' | 'release', reason: string): Promise<void> {
    outcome.clear();
    try {
      await ctx.api.post<FinanceLedgerEntry>(`/api/commissions/${encodeURIComponent(entry.entryId)}/${action}`, { reason });
      outcome.ok(action === 'hold' ? 'finance.hold.held' : 'finance.hold.released');
      ctx.announce(action === 'hold' ? 'finance.hold.held' : 'finance.hold.released');
      await load();
    } catch (error) {
      outcome.fail(error);
    }
  }

  function holdControl(entry: FinanceLedgerEntry): HTMLElement {
    const held = Boolean(entry.hold);
    const action = held ? 'release' : 'hold';
    const reason = field({ name: 'reason', id: `finance-${action}-reason-${entry.entryId}`, label: 'finance.reason', maxLength: 2000 });
    const go = button(held ? 'finance.hold.release' : 'finance.hold.hold', async () => {
      if (!reason.control.value.trim()) {
        reason.error.hidden = false;
        setText(reason.error, 'form.required');
        reason.control.setAttribute('aria-invalid', 'true');
        reason.control.focus();
        return;
      }
      await holdOrRelease(entry, action, reason.control.value.trim());
    }, { testId: `finance-${action}-confirm-${entry.entryId}`, primary: true });
    const summary = tx(held ? 'finance.hold.releaseOpen' : 'finance.hold.holdOpen', undefined, 'summary');
    summary.dataset.testid = `finance-${action}-open-${entry.entryId}`;
    return h('details', { className: 'inline-details' }, summary, reason.wrapper, go);
  }

  async function load(): Promise<void> {
    if (!partnerId) {
      replaceChildren(summaryBox, tx('finance.ledger.pickFirst', undefined, 'p'));
      replaceChildren(ledgerBox);
      return;
    }
    const id = encodeURIComponent(partnerId);
    replaceChildren(summaryBox, loading());
    replaceChildren(ledgerBox, loading());
    try {
      replaceChildren(summaryBox, summaryTable(await ctx.api.get<CommissionSummary>(`/api/commissions/summary?partnerId=${id}`)));
    } catch (error) {
      replaceChildren(summaryBox, financeProblem(error));
    }
    try {
      const answer = await ctx.api.get<Page<FinanceLedgerEntry>>(`/api/commissions?partnerId=${id}&page=0&size=500`);
      const entries = [...(answer.items ?? [])].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
      const rows = entries.map((entry) => h('tr', { 'data-entry-id': entry.entryId, 'data-held': String(Boolean(entry.hold)) },
        h('td', {}, date(entry.occurredOn ?? entry.createdAt)),
        h('td', {}, entryTypeLabel(entry.type)),
        h('td', { className: 'num' }, money(entry.amount)),
        h('td', {}, entry.rate ? formatRate(entry.rate, i18n.language) : '—'),
        h('td', {}, date(entry.payableAt)),
        h('td', {}, entry.batchId ? tx('finance.ledger.inBatch') : entry.hold
          ? h('span', { className: 'held' }, tx('finance.hold.heldSince'), ' ', dateTime(entry.hold.since), h('br'), h('span', { className: 'wrap-text' }, entry.hold.reason))
          : tx('finance.hold.free')),
        h('td', { className: 'wrap-text', lang: 'en' }, entry.explanation ?? ''),
        h('td', {}, entry.batchId || entry.type === 'PAYOUT' ? '—' : holdControl(entry))));
      replaceChildren(ledgerBox, table('finance-ledger-table', 'finance.ledger.entries', [
        'ledger.date', 'ledger.type', 'ledger.amount', 'ledger.rate', 'ledger.payableAt', 'finance.hold.state', 'ledger.explanation', 'finance.actions',
      ], rows, 'finance.ledger.none'));
    } catch (error) {
      replaceChildren(ledgerBox, financeProblem(error));
    }
  }

  async function start(): Promise<void> {
    try {
      const partners = await loadPartners(ctx.api);
      replaceChildren(pickerBox, partnerPicker({
        id: 'finance-ledger-partner-select', partners, onChange: (id) => {
          partnerId = id;
          outcome.clear();
          void load();
        },
      }).element);
    } catch (error) {
      replaceChildren(pickerBox, financeProblem(error));
    }
    await load();
  }

  void start();
  return { element: page };
}
