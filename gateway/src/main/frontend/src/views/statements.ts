/** Statements for a period (GET /api/statements/{partnerId}?from=&to=) and payout history, both downloadable as CSV. */
import type { LedgerEntry } from '../api/types';
import type { AppContext, View } from '../app-context';
import { toCsv } from '../format/csv';
import { firstOfMonth, isoToday } from '../format/format';
import { type StatementShape, isMoney, statementCsvRows, statementShape } from '../format/statement';
import type { MessageKey } from '../i18n/i18n';
import { t } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { download } from '../ui/download';
import { Form } from '../ui/forms';
import { date, money, tx } from '../ui/l10n';
import { ledgerOf } from './commissions';
import { loading, problemPanel, section, table } from './components';

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T.*)?$/;

export function statementsView(ctx: AppContext): View {
  const partnerId = ctx.claims.partnerId ?? '';
  const statementBox = h('div', { id: 'statement-result', 'aria-live': 'polite' });
  const payoutsBox = h('div', { 'aria-busy': 'true' }, loading());
  const today = isoToday();

  const form = new Form({
    id: 'statement-form',
    className: 'form form-inline',
    fields: [
      { name: 'from', id: 'statement-from', label: 'statement.from', type: 'date', required: true, value: firstOfMonth(today) },
      { name: 'to', id: 'statement-to', label: 'statement.to', type: 'date', required: true, value: today },
    ],
    submit: 'statement.show',
    onSubmit: async (values) => {
      replaceChildren(statementBox, loading());
      const query = new URLSearchParams({ from: values.from, to: values.to });
      try {
        const statement = await ctx.api.get<unknown>(`/api/statements/${encodeURIComponent(partnerId)}?${query}`);
        replaceChildren(statementBox, renderStatement(statementShape(statement), `statement-${values.from}-${values.to}.csv`));
      } catch (error) {
        replaceChildren(statementBox);
        throw error;
      }
    },
  });

  const page = h('div', {},
    h('h1', {}, tx('statement.title')),
    section('statement', 'statement.heading', form.element, statementBox),
    section('payouts', 'payout.heading', payoutsBox));

  async function loadPayouts(): Promise<void> {
    try {
      const payouts = (await ledgerOf(ctx)).filter((entry) => entry.type === 'PAYOUT');
      replaceChildren(payoutsBox, payoutHistory(payouts));
    } catch (error) {
      replaceChildren(payoutsBox, problemPanel(error));
    } finally {
      payoutsBox.setAttribute('aria-busy', 'false');
    }
  }

  void loadPayouts();
  return { element: page };
}

function renderStatement(shape: StatementShape, filename: string): HTMLElement {
  const fields = h('dl', { className: 'facts' }, shape.fields.flatMap(([key, value]) => [
    h('dt', {}, label(key)),
    h('dd', {}, isMoney(value) ? money(value) : typeof value === 'string' && DATE_LIKE.test(value) ? date(value) : String(value ?? '—')),
  ]));
  const tables = shape.tables.map((part) => {
    const rows = part.rows.map((row) => h('tr', {}, part.columns.map((column) => {
      const value = row[column];
      return h('td', {}, isMoney(value) ? money(value)
        : typeof value === 'string' && DATE_LIKE.test(value) ? date(value)
          : value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    })));
    const heading = h('h3', {}, label(part.name));
    const grid = h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': part.name },
      h('table', { 'data-part': part.name },
        h('thead', {}, h('tr', {}, part.columns.map((column) => h('th', { scope: 'col' }, label(column))))),
        h('tbody', {}, rows)));
    return h('div', {}, heading, part.rows.length ? grid : tx('statement.noLines', undefined, 'p'));
  });
  const csv = statementCsvRows(shape);
  const button = tx('statement.downloadCsv', undefined, 'button');
  button.type = 'button';
  button.id = 'statement-csv';
  button.className = 'secondary';
  button.disabled = csv === null;
  button.addEventListener('click', () => {
    if (csv) {
      download(filename, toCsv(csv.header, csv.rows));
    }
  });
  return h('div', { className: 'statement' }, fields, tables, h('p', {}, button));
}

/** A field name of the API in words when the catalogue knows it, else as the API spells it. */
function label(apiField: string): HTMLElement {
  const key = `field.${apiField}` as MessageKey;
  const text = t(key);
  return text === key ? h('span', {}, apiField) : tx(key);
}

function payoutHistory(payouts: LedgerEntry[]): HTMLElement {
  const sorted = [...payouts].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const rows = sorted.map((entry) => h('tr', { 'data-entry-id': entry.entryId },
    h('td', {}, date(entry.occurredOn ?? entry.createdAt)),
    h('td', {}, entry.batchId ?? '—'),
    h('td', { className: 'num' }, money(entry.amount ? { ...entry.amount, amount: entry.amount.amount.replace(/^-/, '') } : null))));
  const button = tx('payout.downloadCsv', undefined, 'button');
  button.type = 'button';
  button.id = 'payouts-csv';
  button.className = 'secondary';
  button.disabled = sorted.length === 0;
  button.addEventListener('click', () => download('payouts.csv', toCsv(
    ['date', 'batchId', 'amount', 'currency'],
    sorted.map((e) => [(e.occurredOn ?? e.createdAt ?? '').slice(0, 10), e.batchId ?? '', e.amount.amount.replace(/^-/, ''), e.amount.currency]))));
  return h('div', {},
    table('payouts-table', 'payout.heading', ['payout.date', 'payout.batch', 'payout.amount'], rows, 'payout.none'),
    h('p', {}, button));
}
