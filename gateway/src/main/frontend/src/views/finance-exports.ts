/**
 * Exports (FINANCE): the double-entry journal and the ledger as CSV over a date range, and a partner's tax statement
 * for a year (on screen, and as the PDF document), with that year's self-billing invoices.
 */
import type { Invoice, TaxStatement } from '../api/finance-types';
import type { Page } from '../api/types';
import type { AppContext, View } from '../app-context';
import { safeFileName } from '../format/finance';
import { isoToday } from '../format/format';
import { h, replaceChildren } from '../ui/dom';
import { date, money, tx } from '../ui/l10n';
import { loading, section, table } from './components';
import {
  FinanceForm, PartnerDirectory, button, downloadFile, downloadTo, financeProblem, loadPartners, outcomeRegion, pageHeading, partnerPicker,
} from './finance-common';

export function exportPath(kind: 'journal' | 'ledger', from: string, to: string): string {
  const query = new URLSearchParams();
  if (from) {
    query.set('from', from);
  }
  if (to) {
    query.set('to', to);
  }
  const q = query.toString();
  return `/api/exports/${kind}.csv${q ? `?${q}` : ''}`;
}

export function financeExportsView(ctx: AppContext, today: () => string = () => isoToday()): View {
  const outcome = outcomeRegion('finance-export-outcome');
  const taxBox = h('div', {}, loading());
  const statementBox = h('div', { id: 'finance-tax-statement', 'aria-live': 'polite' });
  let directory = new PartnerDirectory([]);
  let partnerId = '';

  const range = new FinanceForm({
    id: 'finance-export-form',
    fields: [
      { name: 'from', id: 'finance-export-from', label: 'finance.export.from', type: 'date', value: `${today().slice(0, 4)}-01-01` },
      { name: 'to', id: 'finance-export-to', label: 'finance.export.to', type: 'date', value: today() },
    ],
    submit: 'finance.export.journal',
    onSubmit: async (values) => {
      if (values.from && values.to && values.from > values.to) {
        return { key: 'finance.export.rangeInvalid' };
      }
      await downloadFile(ctx.api, exportPath('journal', values.from, values.to), safeFileName(`journal-${values.from || 'start'}-${values.to || today()}.csv`));
      return 'finance.export.done';
    },
  });
  const journalButton = range.element.querySelector<HTMLButtonElement>('button[type=submit]')!;
  journalButton.dataset.testid = 'finance-export-journal';
  const ledgerButton = button('finance.export.ledger', async () => {
    range.clear();
    const values = range.values();
    if (values.from && values.to && values.from > values.to) {
      range.success('finance.export.rangeInvalid');
      return;
    }
    try {
      await downloadFile(ctx.api, exportPath('ledger', values.from, values.to), safeFileName(`ledger-${values.from || 'start'}-${values.to || today()}.csv`));
      range.success('finance.export.done');
    } catch (error) {
      range.problem(error);
    }
  }, { testId: 'finance-export-ledger' });
  journalButton.after(ledgerButton);

  const taxForm = new FinanceForm({
    id: 'finance-tax-form',
    fields: [
      { name: 'year', id: 'finance-tax-year', label: 'finance.tax.year', type: 'number', required: true, value: String(Number(today().slice(0, 4))), inputmode: 'numeric' },
    ],
    submit: 'finance.tax.show',
    onSubmit: async (values) => {
      if (!partnerId) {
        return { key: 'finance.partner.required' };
      }
      if (!/^\d{4}$/.test(values.year)) {
        return { key: 'finance.tax.yearInvalid' };
      }
      await showStatement(partnerId, values.year);
      return null;
    },
  });
  taxForm.element.querySelector('button[type=submit]')?.setAttribute('data-testid', 'finance-tax-show');

  async function showStatement(partner: string, year: string): Promise<void> {
    replaceChildren(statementBox, loading());
    try {
      const path = `/api/tax-statements/${encodeURIComponent(partner)}/${year}`;
      const statement = await ctx.api.get<TaxStatement>(path);
      let invoices: Invoice[] = [];
      try {
        invoices = (await ctx.api.get<Page<Invoice>>(`/api/invoices?partnerId=${encodeURIComponent(partner)}&year=${year}&page=0&size=500`)).items ?? [];
      } catch {
        // the statement stands without its invoice list
      }
      const rows = (statement.currencies ?? []).map((c) => h('tr', { 'data-currency': c.currency },
        h('th', { scope: 'row' }, c.currency),
        h('td', { className: 'num' }, money(c.net ?? null)),
        h('td', { className: 'num' }, money(c.vat ?? null)),
        h('td', { className: 'num' }, money(c.paid)),
        h('td', { className: 'num' }, String(c.invoices))));
      const invoiceRows = invoices.map((invoice) => h('tr', { 'data-invoice': invoice.invoiceNumber },
        h('th', { scope: 'row' }, invoice.invoiceNumber),
        h('td', {}, date(invoice.invoiceDate ?? invoice.issuedAt)),
        h('td', { className: 'num' }, money(invoice.total)),
        h('td', {}, button('finance.batch.invoicePdf', () => file(`/api/invoices/${encodeURIComponent(invoice.invoiceNumber)}.pdf`, safeFileName(`${invoice.invoiceNumber}.pdf`)), {
          testId: `finance-tax-invoice-${invoice.invoiceNumber}`, ariaLabel: 'finance.batch.invoicePdfNamed',
          ariaParams: { number: invoice.invoiceNumber, partner: directory.label(partner) },
        }))));
      const heading = tx('finance.tax.heading', { partner: directory.label(partner), year }, 'h3');
      replaceChildren(statementBox,
        heading,
        table('finance-tax-table', 'finance.tax.caption', ['finance.currency', 'finance.tax.net', 'finance.tax.vat', 'finance.tax.paid', 'finance.tax.invoices'],
          rows, 'finance.tax.nothing'),
        h('div', { className: 'form-actions' }, button('finance.tax.pdf', () => file(`${path}.pdf`, safeFileName(`tax-statement-${directory.label(partner)}-${year}.pdf`)), {
          testId: 'finance-tax-pdf',
        })),
        tx('finance.tax.invoiceList', undefined, 'h4'),
        table('finance-tax-invoices', 'finance.tax.invoiceList', ['finance.tax.invoiceNumber', 'finance.tax.invoiceDate', 'finance.amount', 'finance.actions'],
          invoiceRows, 'finance.tax.noInvoices'));
    } catch (error) {
      replaceChildren(statementBox, financeProblem(error));
    }
  }

  function file(path: string, filename: string): Promise<void> {
    return downloadTo(outcome, ctx.api, path, filename);
  }

  const page = h('div', { className: 'finance' },
    pageHeading('finance.exports.title', 'finance.exports.intro'),
    section('finance-exports', 'finance.export.files', tx('finance.export.hint', undefined, 'p'), range.element),
    section('finance-tax', 'finance.tax.title', taxBox, outcome.element, statementBox));

  async function start(): Promise<void> {
    try {
      const partners = await loadPartners(ctx.api);
      directory = new PartnerDirectory(partners);
      const picker = partnerPicker({ id: 'finance-tax-partner', partners, onChange: (id) => { partnerId = id; } });
      taxForm.element.prepend(picker.element);
      replaceChildren(taxBox, taxForm.element);
    } catch (error) {
      replaceChildren(taxBox, financeProblem(error));
    }
  }

  void start();
  return { element: page };
}
