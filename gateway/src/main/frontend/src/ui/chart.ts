/** The commission-over-time chart (Chart.js, only the parts a line chart needs). */
import {
  CategoryScale, Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip,
} from 'chart.js';
import type { CurrencySeries } from '../format/series';
import { formatDate, formatMoney } from '../format/format';
import { i18n, t } from '../i18n/i18n';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend, Filler);

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
