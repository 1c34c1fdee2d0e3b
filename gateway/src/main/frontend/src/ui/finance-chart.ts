/** The liability chart: per currency, one horizontal bar of what is owed, payable now and still on hold. */
import { Chart, type ChartConfiguration } from 'chart.js';
import './chart'; // registers the bar controller, scales, legend and tooltip
import type { LiabilityRow } from '../format/finance';
import { formatMoney } from '../format/format';
import { t } from '../i18n/i18n';

const PAYABLE = '#1d5fa8';
const PENDING = '#b35900';

export function liabilityChartConfig(row: LiabilityRow, language: string): ChartConfiguration<'bar', number[], string> {
  const money = (amount: string) => formatMoney({ amount, currency: row.currency }, language);
  return {
    type: 'bar',
    data: {
      labels: [row.currency],
      datasets: [
        { label: t('finance.liability.payable'), data: [Number(row.payable)], backgroundColor: PAYABLE, borderColor: '#ffffff', borderWidth: 1, stack: 'owed' },
        { label: t('finance.liability.pending'), data: [Number(row.pending)], backgroundColor: PENDING, borderColor: '#ffffff', borderWidth: 1, stack: 'owed' },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { callback: (value) => money(String(value)) } },
        y: { stacked: true },
      },
      plugins: {
        tooltip: {
          callbacks: {
            // the exact decimals, not the chart's floats
            label: (item) => `${item.dataset.label ?? ''}: ${money(item.datasetIndex === 0 ? row.payable : row.pending)}`,
            footer: () => t('finance.liability.owedTotal', { total: money(row.owed) }),
          },
        },
      },
    },
  };
}

export function drawLiabilityChart(canvas: HTMLCanvasElement, row: LiabilityRow, language: string, previous: Chart | null): Chart {
  previous?.destroy();
  return new Chart(canvas, liabilityChartConfig(row, language)) as unknown as Chart;
}
