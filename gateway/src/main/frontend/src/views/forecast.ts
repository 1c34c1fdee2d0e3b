/**
 * The dashboard's forecast: when the partner will be paid. For each currency a stacked bar chart of the coming
 * months (already earned and payable, and expected from the client's schedule), with the same figures in a table
 * under it for anyone who cannot see the chart.
 */
import type { Chart } from 'chart.js';
import type { Forecast } from '../api/types';
import type { AppContext } from '../app-context';
import { type ForecastSeries, forecastSeries } from '../format/forecast';
import { formatMoney, formatMonth } from '../format/format';
import { i18n } from '../i18n/i18n';
import { drawForecastChart } from '../ui/chart';
import { h, replaceChildren } from '../ui/dom';
import { money, month, setAttr, tx } from '../ui/l10n';
import { loading, problemPanel, section } from './components';

/** How far ahead the partner looks: a year, as API.md's example. */
export const FORECAST_MONTHS = 12;

export type DrawForecast = (canvas: HTMLCanvasElement, series: ForecastSeries, previous: Chart | null) => Chart;

export interface ForecastSection {
  element: HTMLElement;
  load(): Promise<void>;
  /** the language changed: the charts' words and their text labels */
  redraw(): void;
  destroy(): void;
}

export function forecastPath(partnerId: string | null | undefined): string {
  const partner = partnerId ? `partnerId=${encodeURIComponent(partnerId)}&` : '';
  return `/api/forecast?${partner}months=${FORECAST_MONTHS}`;
}

export function forecastSection(ctx: AppContext, draw: DrawForecast = drawForecastChart): ForecastSection {
  const box = h('div', { 'aria-busy': 'true' }, loading());
  const element = section('forecast', 'forecast.title', tx('forecast.intro', undefined, 'p'), box);
  const charts = new Map<string, Chart>();
  let series: ForecastSeries[] = [];

  function destroyCharts(): void {
    charts.forEach((chart) => chart.destroy());
    charts.clear();
  }

  function drawAll(): void {
    for (const current of series) {
      const canvas = [...box.querySelectorAll<HTMLCanvasElement>('canvas')].find((c) => c.dataset.currency === current.currency);
      if (!canvas) {
        continue;
      }
      const points = current.points;
      setAttr(canvas, 'aria-label', 'forecast.chartLabel', {
        currency: current.currency,
        total: formatMoney({ amount: current.total, currency: current.currency }, i18n.language),
        from: formatMonth(points[0]?.month, i18n.language),
        to: formatMonth(points[points.length - 1]?.month, i18n.language),
      });
      charts.set(current.currency, draw(canvas, current, charts.get(current.currency) ?? null));
    }
  }

  function render(): void {
    destroyCharts();
    if (series.length === 0) {
      const empty = tx('forecast.none', undefined, 'p');
      empty.id = 'forecast-empty';
      empty.className = 'empty';
      replaceChildren(box, empty);
      return;
    }
    replaceChildren(box, series.map((current) => currencyBlock(current, series.length > 1)));
    drawAll();
  }

  async function load(): Promise<void> {
    try {
      const forecast = await ctx.api.get<Forecast>(forecastPath(ctx.claims.partnerId));
      series = forecastSeries(forecast?.months);
      render();
    } catch (error) {
      destroyCharts();
      series = [];
      replaceChildren(box, problemPanel(error));
    } finally {
      box.setAttribute('aria-busy', 'false');
    }
  }

  return {
    element,
    load,
    redraw: () => {
      if (charts.size > 0) {
        drawAll();
      }
    },
    destroy: destroyCharts,
  };
}

/** One currency: its heading (when there are several), the chart, and the table of the same figures. */
function currencyBlock(series: ForecastSeries, withHeading: boolean): HTMLElement {
  const id = `forecast-${series.currency}`;
  const tableId = `${id}-table`;
  const heading = withHeading ? tx('forecast.currencyHeading', { currency: series.currency }, 'h3') : null;
  const canvas = h('canvas', { id: `${id}-chart`, role: 'img', 'data-currency': series.currency, 'aria-describedby': `${tableId}-caption` });
  return h('div', { className: 'forecast-currency', 'data-currency': series.currency },
    heading,
    h('div', { className: 'chart-frame' }, canvas),
    forecastTable(series, tableId));
}

export function forecastTable(series: ForecastSeries, id: string): HTMLElement {
  const caption = tx('forecast.tableCaption', { currency: series.currency }, 'caption');
  caption.id = `${id}-caption`;
  const header = (key: 'forecast.month' | 'forecast.payable' | 'forecast.fromSchedule' | 'forecast.total') => {
    const th = tx(key, undefined, 'th');
    th.scope = 'col';
    return th;
  };
  const amount = (value: string, field: string) =>
    h('td', { className: 'num', 'data-field': field }, money({ amount: value, currency: series.currency }));
  return h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': caption.id },
    h('table', { id, className: 'forecast-table' },
      caption,
      h('thead', {}, h('tr', {},
        header('forecast.month'), header('forecast.payable'), header('forecast.fromSchedule'), header('forecast.total'))),
      h('tbody', {}, series.points.map((point) => h('tr', { 'data-forecast-month': point.month },
        h('th', { scope: 'row' }, month(point.month)),
        amount(point.payable, 'payable'),
        amount(point.fromSchedule, 'fromSchedule'),
        amount(point.total, 'total'))))));
}
