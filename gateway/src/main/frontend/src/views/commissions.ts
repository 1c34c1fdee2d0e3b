/** Commissions: balances per currency, commission over time (chart), and every ledger entry with its explanation. */
import type { Chart } from 'chart.js';
import type { CommissionSummary, LedgerEntry, Page } from '../api/types';
import type { AppContext, View } from '../app-context';
import { PORTAL } from '../config';
import { commissionSeries, type CurrencySeries } from '../format/series';
import { drawCommissionChart } from '../ui/chart';
import { h, replaceChildren } from '../ui/dom';
import { field } from '../ui/forms';
import { date, money, setAttr, tx } from '../ui/l10n';
import type { MessageKey } from '../i18n/i18n';
import { loading, problemPanel, section, summaryTable, table } from './components';
import { formatRate } from '../format/format';
import { i18n } from '../i18n/i18n';
import { explainEntry } from '../format/explanation';
import { rendered } from '../ui/rendered';
import { isPartner } from '../auth/session';
import { disputeCells } from './partner-disputes';

/** All of a partner's ledger pages, up to a bound (the ledger of one partner is small). */
export async function ledgerOf(ctx: AppContext, maxPages = 10): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber++) {
    const page = await ctx.api.get<Page<LedgerEntry>>(`/api/commissions?page=${pageNumber}&size=${PORTAL.pageSize}`);
    entries.push(...(page.items ?? []));
    if (entries.length >= page.total || (page.items ?? []).length === 0) {
      break;
    }
  }
  return entries;
}

export function commissionsView(ctx: AppContext): View {
  const summaryBox = h('div', { 'aria-busy': 'true' }, loading());
  const chartBox = h('div', { className: 'chart-area' }, loading());
  const ledgerBox = h('div', { 'aria-busy': 'true' }, loading());
  let chart: Chart | null = null;
  let series: CurrencySeries[] = [];
  let chosen = '';

  const page = h('div', {},
    h('h1', {}, tx('commission.title')),
    section('commission-summary', 'commission.summary', summaryBox),
    section('commission-chart-section', 'commission.chartTitle', chartBox),
    section('ledger', 'commission.ledger', ledgerBox));

  function draw(): void {
    const current = series.find((s) => s.currency === chosen);
    if (!current) {
      replaceChildren(chartBox, tx('commission.noChart', undefined, 'p'));
      return;
    }
    let canvas = chartBox.querySelector<HTMLCanvasElement>('canvas');
    if (!canvas) {
      canvas = h('canvas', { id: 'commission-chart', role: 'img' });
      const picker = series.length > 1 ? currencyPicker() : null;
      replaceChildren(chartBox, picker, h('div', { className: 'chart-frame' }, canvas), tx('commission.chartAlternative', undefined, 'p'));
    }
    const last = current.points[current.points.length - 1];
    setAttr(canvas, 'aria-label', 'commission.chartLabel', {
      currency: current.currency,
      earned: last ? money({ amount: last.earned, currency: current.currency }).textContent ?? '' : '',
    });
    chart = drawCommissionChart(canvas, current, chart);
  }

  function currencyPicker(): HTMLElement {
    const picker = field({
      name: 'chartCurrency', id: 'chart-currency', label: 'commission.chartCurrency', type: 'select', value: chosen,
      options: series.map((s) => ({ value: s.currency, text: s.currency })),
    });
    picker.control.addEventListener('change', () => {
      chosen = picker.control.value;
      draw();
    });
    return picker.wrapper;
  }

  async function load(): Promise<void> {
    try {
      replaceChildren(summaryBox, summaryTable(await ctx.api.get<CommissionSummary>('/api/commissions/summary')));
    } catch (error) {
      replaceChildren(summaryBox, problemPanel(error));
    } finally {
      summaryBox.setAttribute('aria-busy', 'false');
    }
    try {
      const entries = await ledgerOf(ctx);
      series = commissionSeries(entries);
      chosen = series.some((s) => s.currency === chosen) ? chosen : (series[0]?.currency ?? '');
      chartBox.querySelector('canvas')?.remove();
      draw();
      // a partner may dispute an entry from here (partner-disputes.ts); a dispute being written is not thrown away
      if (!ledgerBox.querySelector('#dispute-panel textarea')) {
        replaceChildren(ledgerBox, ledgerTable(entries, undefined, isPartner(ctx.claims) ? disputeCells(ctx) : undefined));
      }
    } catch (error) {
      replaceChildren(chartBox, problemPanel(error));
      replaceChildren(ledgerBox);
    } finally {
      ledgerBox.setAttribute('aria-busy', 'false');
    }
  }

  const unsubscribe = ctx.notifications?.subscribe({ onNotification: () => void load() });
  void load();
  return {
    element: page,
    onLanguage: () => {
      if (chart) {
        draw();
      }
    },
    destroy: () => {
      unsubscribe?.();
      chart?.destroy();
    },
  };
}

/** The ledger; `action`, when given, adds a last column (the partner's dispute button). */
export function ledgerTable(entries: LedgerEntry[], id = 'ledger-table', action?: (entry: LedgerEntry) => Node): HTMLElement {
  const sorted = [...entries].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const rows = sorted.map((entry) => h('tr', { 'data-entry-id': entry.entryId, 'data-type': entry.type },
    h('td', {}, date(entry.occurredOn ?? entry.createdAt)),
    h('td', {}, tx(`entry.${entry.type}` as MessageKey)),
    h('td', {}, entry.role ? tx(`role.${entry.role}` as MessageKey) : '—'),
    h('td', { className: 'num' }, money(entry.amount)),
    h('td', {}, entry.rate ? formatRate(entry.rate, i18n.language) : '—'),
    h('td', {}, date(entry.payableAt)),
    h('td', {}, rendered('span', (language) => explainEntry(entry, language), { class: 'explanation' })),
    action ? h('td', {}, action(entry)) : null));
  return table(id, 'commission.ledger', [
    'ledger.date', 'ledger.type', 'ledger.role', 'ledger.amount', 'ledger.rate', 'ledger.payableAt', 'ledger.explanation',
    ...(action ? ['account.dispute.column' as MessageKey] : []),
  ], rows, 'commission.noEntries');
}
