/** Statements for a period (GET /api/statements/{partnerId}?from=&to=) and payout history, both downloadable as CSV. */
import type { LedgerEntry } from '../api/types';
import type { AppContext, View } from '../app-context';
import { toCsv } from '../format/csv';
import { firstOfMonth, isoToday } from '../format/format';
import { STATEMENT_BALANCES, STATEMENT_CSV_HEADER, type Statement, statementCsvRows } from '../format/statement';
import type { MessageKey } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { download } from '../ui/download';
import { Form } from '../ui/forms';
import { date, money, tx } from '../ui/l10n';
import { ledgerOf, ledgerTable } from './commissions';
import { loading, problemPanel, section, table } from './components';

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
        const statement = await ctx.api.get<Statement>(`/api/statements/${encodeURIComponent(partnerId)}?${query}`);
        replaceChildren(statementBox, renderStatement(statement, `statement-${values.from}-${values.to}.csv`));
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

function renderStatement(statement: Statement, filename: string): HTMLElement {
  const facts = h('dl', { className: 'facts' },
    h('dt', {}, tx('statement.period')),
    h('dd', {}, date(statement.from), ' – ', date(statement.to)));
  const parts = (statement.currencies ?? []).map((part) => {
    const balances = h('tr', { 'data-currency': part.currency },
      STATEMENT_BALANCES.map((name) => h('td', { 'data-field': name, className: 'num' }, money(part[name]))));
    const heading = tx('statement.currencyHeading', { currency: part.currency }, 'h3');
    return h('div', { className: 'statement-currency', 'data-currency': part.currency },
      heading,
      table(`statement-balances-${part.currency}`, 'statement.balances',
        STATEMENT_BALANCES.map((name) => `statement.${name}` as MessageKey), [balances], 'statement.noLines'),
      part.entries?.length ? ledgerTable(part.entries, `statement-entries-${part.currency}`) : tx('statement.noLines', undefined, 'p'));
  });
  const rows = statementCsvRows(statement);
  const button = tx('statement.downloadCsv', undefined, 'button');
  button.type = 'button';
  button.id = 'statement-csv';
  button.className = 'secondary';
  button.disabled = rows.length === 0;
  button.addEventListener('click', () => download(filename, toCsv(STATEMENT_CSV_HEADER, rows)));
  return h('div', { className: 'statement' },
    facts,
    parts.length ? parts : tx('statement.noLines', undefined, 'p'),
    h('p', {}, button));
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
