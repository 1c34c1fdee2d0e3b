// @vitest-environment jsdom
import type { Chart } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api/client';
import type { Forecast } from '../src/api/types';
import type { AppContext } from '../src/app-context';
import type { ForecastSeries } from '../src/format/forecast';
import { i18n } from '../src/i18n/i18n';
import { relocalize } from '../src/ui/l10n';
import { forecastPath, forecastSection } from '../src/views/forecast';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const money = (amount: string, currency: string) => ({ amount, currency });

/** The section against an API that answers the given response; the chart drawing is recorded, not painted. */
function render(response: Response, partnerId: string | null = 'P-1') {
  const fetchImpl = vi.fn().mockResolvedValue(response);
  const api = new ApiClient(() => undefined, fetchImpl);
  const ctx = {
    api, claims: { sub: 'p1', roles: ['PARTNER'], partnerId, exp: null }, notifications: null, announce: () => undefined,
  } as unknown as AppContext;
  const drawn: { canvas: HTMLCanvasElement; series: ForecastSeries; chart: { destroy: ReturnType<typeof vi.fn> }; previous: unknown }[] = [];
  const section = forecastSection(ctx, (canvas, series, previous) => {
    const chart = { destroy: vi.fn() };
    drawn.push({ canvas, series, chart, previous });
    return chart as unknown as Chart;
  });
  document.body.replaceChildren(section.element);
  return { section, drawn, fetchImpl };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s/g, ' ');

describe('the forecast on the dashboard', () => {
  afterEach(() => i18n.set('en', false));

  it('asks for the partner\'s own coming twelve months', async () => {
    const { section, fetchImpl } = render(json(200, { months: [] }));
    await section.load();
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/forecast?partnerId=P-1&months=12');
    expect(forecastPath(null)).toBe('/api/forecast?months=12');
  });

  it('draws one stacked chart per currency, with the same figures in a labelled table under each', async () => {
    const forecast: Forecast = {
      partnerId: 'P-1',
      months: [
        { month: '2027-02', currency: 'EUR', payable: money('0.00', 'EUR'), fromSchedule: money('0.20', 'EUR') },
        { month: '2027-01', currency: 'USD', payable: money('50.00', 'USD'), fromSchedule: money('0.00', 'USD') },
        { month: '2027-01', currency: 'EUR', payable: money('1234.10', 'EUR'), fromSchedule: money('0.20', 'EUR') },
        { month: '2027-02', currency: 'USD', payable: money('0.00', 'USD'), fromSchedule: money('0.00', 'USD') },
      ],
    };
    const { section, drawn } = render(json(200, forecast));
    await section.load();

    expect(drawn.map((d) => d.series.currency)).toEqual(['EUR', 'USD']);
    expect(drawn[0].series.points.map((p) => p.month)).toEqual(['2027-01', '2027-02']);
    expect(drawn[0].canvas.getAttribute('role')).toBe('img');
    expect(drawn[0].canvas.getAttribute('aria-label')?.replace(/\s/g, ' '))
      .toBe('Bar chart of the commission forecast in EUR from Jan 2027 to Feb 2027: €1,234.50 in all. The same figures are in the table below.');

    const blocks = [...document.querySelectorAll('.forecast-currency')];
    expect(blocks.map((b) => text(b.querySelector('h3')))).toEqual(['In EUR', 'In USD']);
    const table = document.querySelector('#forecast-EUR-table')!;
    expect(text(table.querySelector('caption'))).toBe('Commission forecast in EUR, by month');
    expect([...table.querySelectorAll('thead th')].map(text)).toEqual(
      ['Month', 'Already earned, payable', 'Expected from the client\u2019s schedule', 'Total']);
    expect([...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text))).toEqual([
      ['Jan 2027', '€1,234.10', '€0.20', '€1,234.30'],
      ['Feb 2027', '€0.00', '€0.20', '€0.20'],
    ]);
    expect(document.querySelector('#forecast-empty')).toBeNull();
    expect(document.querySelector('#forecast [aria-busy]')?.getAttribute('aria-busy')).toBe('false');
  });

  it('shows a single currency without a currency heading, and follows the language', async () => {
    const { section, drawn } = render(json(200, { months: [
      { month: '2027-03', currency: 'EUR', payable: money('10.00', 'EUR'), fromSchedule: money('2.50', 'EUR') },
    ] }));
    await section.load();
    expect(document.querySelector('.forecast-currency h3')).toBeNull();

    i18n.set('fr', false);
    relocalize(document);
    section.redraw();
    const row = document.querySelector('#forecast-EUR-table tbody tr')!;
    expect([...row.children].map(text)).toEqual(['mars 2027', '10,00 €', '2,50 €', '12,50 €']);
    expect(text(document.querySelector('#forecast-heading'))).toBe('Quand vous serez payé');
    expect(drawn.length).toBe(2); // drawn again in French
    expect(drawn[1].previous).toBe(drawn[0].chart); // the drawing function replaces the chart it is handed
    expect(drawn[1].canvas).toBe(drawn[0].canvas);
    expect(drawn[1].canvas.getAttribute('aria-label')).toContain('mars 2027');
  });

  it('says so when nothing is forecast', async () => {
    const { section, drawn } = render(json(200, { months: [
      { month: '2027-01', currency: 'EUR', payable: money('0.00', 'EUR'), fromSchedule: money('0.00', 'EUR') },
    ] }));
    await section.load();
    expect(drawn).toEqual([]);
    expect(document.querySelector('#forecast canvas')).toBeNull();
    expect(text(document.querySelector('#forecast-empty'))).toContain('Nothing forecast yet');
  });

  it('shows the API\'s problem when the call fails, and drops the charts it had', async () => {
    const { section, drawn, fetchImpl } = render(json(200, { months: [
      { month: '2027-01', currency: 'EUR', payable: money('1.00', 'EUR'), fromSchedule: money('0.00', 'EUR') },
    ] }));
    await section.load();
    fetchImpl.mockResolvedValue(json(503, {
      type: 'https://docs.rapport.example/problems/service-unavailable', title: 'Service unavailable', status: 503,
      detail: 'commission-service is not answering',
    }, 'application/problem+json'));
    await section.load();
    expect(drawn[0].chart.destroy).toHaveBeenCalled();
    const problem = document.querySelector('#forecast .panel-problem[role="alert"]')!;
    expect(problem.querySelector('.problem')?.getAttribute('data-slug')).toBe('service-unavailable');
    expect(text(problem.querySelector('.problem-detail'))).toBe('commission-service is not answering');
    expect(document.querySelector('#forecast canvas')).toBeNull();
  });
});
