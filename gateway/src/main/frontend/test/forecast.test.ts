import { afterEach, describe, expect, it } from 'vitest';
import type { ForecastMonth } from '../src/api/types';
import { forecastSeries, nextMonth } from '../src/format/forecast';
import { formatMonth } from '../src/format/format';
import { i18n } from '../src/i18n/i18n';
import { forecastChartConfig } from '../src/ui/chart';

const month = (m: string, currency: string, payable: string, fromSchedule: string): ForecastMonth => ({
  month: m, currency, payable: { amount: payable, currency }, fromSchedule: { amount: fromSchedule, currency },
});

describe('the forecast series', () => {
  it('puts the months in calendar order, whatever order the API gave', () => {
    const [eur] = forecastSeries([
      month('2027-02', 'EUR', '20.00', '0.00'),
      month('2026-12', 'EUR', '10.00', '0.00'),
      month('2027-01', 'EUR', '0.00', '5.00'),
    ]);
    expect(eur.points.map((p) => p.month)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(eur.points.map((p) => [p.payable, p.fromSchedule, p.total])).toEqual([
      ['10.00', '0.00', '10.00'], ['0.00', '5.00', '5.00'], ['20.00', '0.00', '20.00'],
    ]);
    expect(eur.total).toBe('35.00');
  });

  it('splits currencies into their own series, each at its own scale, over the same months', () => {
    const series = forecastSeries([
      month('2027-01', 'JPY', '100000', '0'),
      month('2027-01', 'EUR', '1.5', '0'),
      month('2027-03', 'EUR', '0', '2.25'),
    ]);
    expect(series.map((s) => s.currency)).toEqual(['EUR', 'JPY']);
    expect(series[0].points).toEqual([
      { month: '2027-01', payable: '1.50', fromSchedule: '0.00', total: '1.50' },
      { month: '2027-02', payable: '0.00', fromSchedule: '0.00', total: '0.00' },
      { month: '2027-03', payable: '0.00', fromSchedule: '2.25', total: '2.25' },
    ]);
    expect(series[1].points.map((p) => [p.month, p.total])).toEqual([['2027-01', '100000'], ['2027-02', '0'], ['2027-03', '0']]);
  });

  it('adds decimals exactly: 0.10 + 0.20 is 0.30, not 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the drift the strings avoid
    const [eur] = forecastSeries([
      month('2027-01', 'EUR', '0.10', '0.20'),
      month('2027-02', 'EUR', '0.10', '0.00'),
      month('2027-02', 'EUR', '0.20', '333.33'), // two rows of one month (several partners) add up
    ]);
    expect(eur.points.map((p) => [p.payable, p.fromSchedule, p.total])).toEqual([
      ['0.10', '0.20', '0.30'], ['0.30', '333.33', '333.63'],
    ]);
    expect(eur.total).toBe('333.93');
  });

  it('crosses the year end', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2027-09')).toBe('2027-10');
  });

  it('has nothing to show for no months, only zeros, or rows it cannot read', () => {
    expect(forecastSeries([])).toEqual([]);
    expect(forecastSeries(undefined)).toEqual([]);
    expect(forecastSeries([month('2027-01', 'EUR', '0.00', '0.00'), month('2027-02', 'EUR', '0.00', '0.00')])).toEqual([]);
    expect(forecastSeries([month('January', 'EUR', '5.00', '0.00'), month('2027-13', 'EUR', '5.00', '0.00')])).toEqual([]);
  });

  it('leaves out a currency with nothing forecast beside one that has some', () => {
    const series = forecastSeries([month('2027-01', 'USD', '0.00', '0.00'), month('2027-01', 'EUR', '1.00', '0.00')]);
    expect(series.map((s) => s.currency)).toEqual(['EUR']);
  });
});

describe('the month in words', () => {
  it('follows the language', () => {
    expect(formatMonth('2027-01', 'en')).toBe('Jan 2027');
    expect(formatMonth('2027-01', 'fr')).toBe('janv. 2027');
    expect(formatMonth('2027-01', 'zh')).toBe('2027年1月');
    expect(formatMonth('2027-13', 'en')).toBe('2027-13');
    expect(formatMonth(null, 'en')).toBe('—');
  });
});

describe('the forecast chart', () => {
  afterEach(() => i18n.set('en', false));

  const [eur] = forecastSeries([month('2027-02', 'EUR', '1234.50', '0.20'), month('2027-01', 'EUR', '0.10', '0.20')]);

  it('stacks what is payable and what the schedule adds, month by month, with the heights as numbers', () => {
    const config = forecastChartConfig(eur, 'en');
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['Jan 2027', 'Feb 2027']);
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Already earned, payable', 'Expected from the client\u2019s schedule']);
    expect(config.data.datasets.map((d) => d.data)).toEqual([[0.1, 1234.5], [0.2, 0.2]]);
    expect(config.data.datasets.every((d) => d.stack === 'forecast')).toBe(true);
    const scales = config.options?.scales as Record<string, { stacked?: boolean }>;
    expect(scales.x.stacked).toBe(true);
    expect(scales.y.stacked).toBe(true);
  });

  it('tells the exact amounts in the tooltip, in the page\'s language', () => {
    i18n.set('fr', false);
    const config = forecastChartConfig(eur, 'fr');
    expect(config.data.labels).toEqual(['janv. 2027', 'févr. 2027']);
    const callbacks = config.options?.plugins?.tooltip?.callbacks as unknown as {
      label: (item: object) => string;
      footer: (items: object[]) => string;
    };
    const dataset = config.data.datasets[0];
    const label = callbacks.label({ dataIndex: 0, datasetIndex: 0, dataset });
    expect(label.replace(/\s/g, ' ')).toBe('Déjà acquise, payable : 0,10 €');
    const footer = callbacks.footer([{ dataIndex: 0 }]);
    expect(footer.replace(/\s/g, ' ')).toBe('Total : 0,30 €'); // 0.1 + 0.2 as the chart's floats would say 0,300000…
  });
});
