/**
 * What the company owes its partners: per currency, what is payable now and what is still on hold (the sum of every
 * partner's summary), each partner's share, and the forecast by month for all partners, as charts with the same
 * figures in tables.
 */
import type { Chart } from 'chart.js';
import type { CommissionSummary, Forecast } from '../api/types';
import type { AppContext, View } from '../app-context';
import { type LiabilityRow, isZeroAmount, liabilityTotals } from '../format/finance';
import { type ForecastSeries, forecastSeries } from '../format/forecast';
import { formatMoney, formatMonth } from '../format/format';
import { i18n } from '../i18n/i18n';
import { drawForecastChart } from '../ui/chart';
import { h, replaceChildren } from '../ui/dom';
import { drawLiabilityChart } from '../ui/finance-chart';
import { money, setAttr, tx } from '../ui/l10n';
import { loading, section, table } from './components';
import { FORECAST_MONTHS, forecastTable } from './forecast';
import { PartnerDirectory, financeProblem, loadPartners, pageHeading } from './finance-common';

export type DrawLiability = (canvas: HTMLCanvasElement, row: LiabilityRow, language: string, previous: Chart | null) => Chart;
export type DrawForecast = (canvas: HTMLCanvasElement, series: ForecastSeries, previous: Chart | null) => Chart;

export function financeLiabilityView(ctx: AppContext, draw: { liability?: DrawLiability; forecast?: DrawForecast } = {}): View {
  const drawLiability = draw.liability ?? drawLiabilityChart;
  const drawForecast = draw.forecast ?? drawForecastChart;
  const owedBox = h('div', { 'aria-busy': 'true' }, loading());
  const partnersBox = h('div', {});
  const forecastBox = h('div', { 'aria-busy': 'true' }, loading());
  const charts = new Map<string, Chart>();
  let rows: LiabilityRow[] = [];
  let series: ForecastSeries[] = [];

  const page = h('div', { className: 'finance' },
    pageHeading('finance.liability.title', 'finance.liability.intro'),
    section('finance-owed', 'finance.liability.owed', owedBox),
    section('finance-owed-partners', 'finance.liability.byPartner', partnersBox),
    section('finance-forecast', 'finance.liability.forecast', tx('finance.liability.forecastIntro', undefined, 'p'), forecastBox));

  function drawAll(): void {
    for (const row of rows) {
      const canvas = owedBox.querySelector<HTMLCanvasElement>(`canvas[data-currency="${row.currency}"]`);
      if (canvas) {
        setAttr(canvas, 'aria-label', 'finance.liability.chartLabel', {
          currency: row.currency,
          payable: formatMoney({ amount: row.payable, currency: row.currency }, i18n.language),
          pending: formatMoney({ amount: row.pending, currency: row.currency }, i18n.language),
        });
        charts.set(`owed-${row.currency}`, drawLiability(canvas, row, i18n.language, charts.get(`owed-${row.currency}`) ?? null));
      }
    }
    for (const current of series) {
      const canvas = forecastBox.querySelector<HTMLCanvasElement>(`canvas[data-currency="${current.currency}"]`);
      if (canvas) {
        setAttr(canvas, 'aria-label', 'forecast.chartLabel', {
          currency: current.currency,
          total: formatMoney({ amount: current.total, currency: current.currency }, i18n.language),
          from: formatMonth(current.points[0]?.month, i18n.language),
          to: formatMonth(current.points[current.points.length - 1]?.month, i18n.language),
        });
        charts.set(`forecast-${current.currency}`, drawForecast(canvas, current, charts.get(`forecast-${current.currency}`) ?? null));
      }
    }
  }

  function renderOwed(summaries: CommissionSummary[], directory: PartnerDirectory): void {
    rows = liabilityTotals(summaries);
    const totalRows = rows.map((row) => h('tr', { 'data-currency': row.currency },
      h('th', { scope: 'row' }, row.currency),
      h('td', { className: 'num', 'data-field': 'payable' }, money({ amount: row.payable, currency: row.currency })),
      h('td', { className: 'num', 'data-field': 'pending' }, money({ amount: row.pending, currency: row.currency })),
      h('td', { className: 'num', 'data-field': 'owed' }, money({ amount: row.owed, currency: row.currency })),
      h('td', { className: 'num', 'data-field': 'partners' }, String(row.partners))));
    replaceChildren(owedBox,
      rows.map((row) => h('div', { className: 'liability-currency', 'data-currency': row.currency },
        h('div', { className: 'chart-frame chart-frame-short' },
          h('canvas', { id: `finance-owed-${row.currency}-chart`, role: 'img', 'data-currency': row.currency, 'aria-describedby': 'finance-owed-table-caption' })))),
      table('finance-owed-table', 'finance.liability.owedCaption', [
        'finance.currency', 'finance.liability.payable', 'finance.liability.pending', 'finance.liability.owedColumn', 'finance.liability.partners',
      ], totalRows, 'finance.liability.nothing'));
    const partnerRows = summaries.flatMap((summary) => (summary.currencies ?? [])
      .filter((c) => !isZeroAmount(c.pending?.amount ?? '0') || !isZeroAmount(c.payable?.amount ?? '0'))
      .map((c) => h('tr', { 'data-partner-id': summary.partnerId, 'data-currency': c.currency },
        h('th', { scope: 'row' }, directory.cell(summary.partnerId)),
        h('td', {}, c.currency),
        h('td', { className: 'num' }, money(c.payable ?? null)),
        h('td', { className: 'num' }, money(c.pending ?? null)))));
    replaceChildren(partnersBox, table('finance-owed-partner-table', 'finance.liability.byPartner', [
      'finance.partner.label', 'finance.currency', 'finance.liability.payable', 'finance.liability.pending',
    ], partnerRows, 'finance.liability.nothing'));
  }

  function renderForecast(): void {
    if (series.length === 0) {
      const empty = tx('finance.liability.noForecast', undefined, 'p');
      empty.className = 'empty';
      empty.id = 'finance-forecast-empty';
      replaceChildren(forecastBox, empty);
      return;
    }
    replaceChildren(forecastBox, series.map((current) => {
      const tableId = `finance-forecast-${current.currency}-table`;
      return h('div', { className: 'forecast-currency', 'data-currency': current.currency },
        tx('forecast.currencyHeading', { currency: current.currency }, 'h3'),
        h('div', { className: 'chart-frame' },
          h('canvas', { id: `finance-forecast-${current.currency}-chart`, role: 'img', 'data-currency': current.currency, 'aria-describedby': `${tableId}-caption` })),
        forecastTable(current, tableId));
    }));
  }

  async function load(): Promise<void> {
    charts.forEach((chart) => chart.destroy());
    charts.clear();
    try {
      const partners = await loadPartners(ctx.api);
      const directory = new PartnerDirectory(partners);
      const summaries: CommissionSummary[] = [];
      // one partner at a time: the machine and the services stay calm, and the page fills in the order of the list
      for (const partner of partners) {
        summaries.push(await ctx.api.get<CommissionSummary>(`/api/commissions/summary?partnerId=${encodeURIComponent(partner.partnerId)}`));
      }
      renderOwed(summaries, directory);
    } catch (error) {
      replaceChildren(owedBox, financeProblem(error));
    } finally {
      owedBox.setAttribute('aria-busy', 'false');
    }
    try {
      const forecast = await ctx.api.get<Forecast>(`/api/forecast?months=${FORECAST_MONTHS}`);
      series = forecastSeries(forecast?.months);
      renderForecast();
    } catch (error) {
      series = [];
      replaceChildren(forecastBox, financeProblem(error));
    } finally {
      forecastBox.setAttribute('aria-busy', 'false');
    }
    drawAll();
  }

  void load();
  return {
    element: page,
    onLanguage: () => drawAll(),
    destroy: () => {
      charts.forEach((chart) => chart.destroy());
      charts.clear();
    },
  };
}
