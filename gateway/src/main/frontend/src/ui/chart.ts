/** The commission-over-time chart and the forecast's bars (Chart.js, only the parts these charts need). */
import {
  BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Filler, Legend, LineController, LineElement,
  LinearScale, PointElement, Tooltip,
} from 'chart.js';
import type { CurrencySeries } from '../format/series';
import type { ForecastSeries } from '../format/forecast';
import { formatDate, formatMoney, formatMonth } from '../format/format';
import { i18n, t } from '../i18n/i18n';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Tooltip,
  Legend, Filler);

// colours with at least 4.5:1 contrast on white
const EARNED = '#1d5fa8';
const PAID = '#1b7340';

export function drawCommissionChart(canvas: HTMLCanvasElement, series: CurrencySeries, previous: Chart | null): Chart {
  previous?.destroy();
  const language = i18n.language;
  const money = (amount: string) => formatMoney({ amount, currency: series.currency }, language);
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: series.points.map((p) => formatDate(p.date, language)),
      datasets: [
        {
          label: t('chart.earned', { currency: series.currency }),
          data: series.points.map((p) => Number(p.earned)),
          borderColor: EARNED,
          backgroundColor: 'rgba(29, 95, 168, 0.12)',
          fill: true,
          stepped: true,
        },
        {
          label: t('chart.paid', { currency: series.currency }),
          data: series.points.map((p) => Number(p.paid)),
          borderColor: PAID,
          backgroundColor: PAID,
          borderDash: [6, 4],
          stepped: true,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, ticks: { callback: (value) => money(String(value)) } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            // the exact decimal, not the chart's float
            label: (item) => {
              const point = series.points[item.dataIndex];
              const amount = item.datasetIndex === 0 ? point.earned : point.paid;
              return `${item.dataset.label}: ${money(amount)}`;
            },
          },
        },
      },
    },
  });
}

// the forecast's two parts, each at least 3:1 against white and against each other's edge (a white border between)
const FORECAST_PAYABLE = '#1d5fa8';
const FORECAST_SCHEDULE = '#b35900';

/**
 * The forecast as stacked bars, one per month: what is already earned and payable then, with what the client's
 * schedule is expected to add on top. Bar heights are numbers; every amount a person reads is the exact decimal.
 */
export function forecastChartConfig(series: ForecastSeries, language: string): ChartConfiguration<'bar', number[], string> {
  const money = (amount: string) => formatMoney({ amount, currency: series.currency }, language);
  return {
    type: 'bar',
    data: {
      labels: series.points.map((p) => formatMonth(p.month, language)),
      datasets: [
        {
          label: t('forecast.payable'),
          data: series.points.map((p) => Number(p.payable)),
          backgroundColor: FORECAST_PAYABLE,
          borderColor: '#ffffff',
          borderWidth: 1,
          stack: 'forecast',
        },
        {
          label: t('forecast.fromSchedule'),
          data: series.points.map((p) => Number(p.fromSchedule)),
          backgroundColor: FORECAST_SCHEDULE,
          borderColor: '#ffffff',
          borderWidth: 1,
          stack: 'forecast',
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: (value) => money(String(value)) } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            // the exact decimals, not the chart's floats
            label: (item) => {
              const point = series.points[item.dataIndex];
              return t('forecast.tooltipLine', {
                label: item.dataset.label ?? '',
                amount: money(item.datasetIndex === 0 ? point.payable : point.fromSchedule),
              });
            },
            footer: (items) => {
              const point = items.length ? series.points[items[0].dataIndex] : undefined;
              return point ? t('forecast.monthTotal', { total: money(point.total) }) : '';
            },
          },
        },
      },
    },
  };
}

export function drawForecastChart(canvas: HTMLCanvasElement, series: ForecastSeries, previous: Chart | null): Chart {
  previous?.destroy();
  return new Chart(canvas, forecastChartConfig(series, i18n.language)) as unknown as Chart;
}
