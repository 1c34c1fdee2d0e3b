/**
 * `#/documents`: the partner's self-billing invoices of a year (GET /api/invoices?partnerId=&year=, each as PDF) and
 * its tax statement of that year (GET /api/tax-statements/{partnerId}/{year}, and `.pdf`).
 */
import type { InvoiceSummary, TaxStatement } from '../api/account-types';
import type { Page } from '../api/types';
import type { AppContext, View } from '../app-context';
import { PORTAL } from '../config';
import type { MessageKey } from '../i18n/i18n';
import { recentYears } from '../format/account';
import { isoToday } from '../format/format';
import { h, replaceChildren } from '../ui/dom';
import { field } from '../ui/forms';
import { date, money, setAttr, tx } from '../ui/l10n';
import { saveBlob } from '../ui/download';
import { fetchDocument } from './account-common';
import { loading, problemPanel, section, table } from './components';

export function documentsView(ctx: AppContext): View {
  const partnerId = ctx.claims.partnerId ?? '';
  const years = recentYears(isoToday());
  const picker = field({
    name: 'year', id: 'documents-year', label: 'account.documents.year', type: 'select', value: String(years[0]),
    options: years.map((year) => ({ value: String(year), text: String(year) })),
  });
  picker.wrapper.classList.add('year-picker');
  const invoicesBox = h('div', { 'aria-live': 'polite' });
  const statementBox = h('div', { 'aria-live': 'polite' });
  const outcome = h('div', { className: 'form-message', role: 'status', 'aria-live': 'polite', id: 'documents-message' });

  const page = h('div', {},
    h('h1', {}, tx('account.documents.title')),
    picker.wrapper,
    outcome,
    section('invoices', 'account.invoices.heading', invoicesBox),
    section('tax-statement', 'account.taxStatement.heading', statementBox));

  /** the file keeps the service's name (an invoice number), except a tax statement: named by its year, not by an id */
  async function download(path: string, name: string, button: HTMLButtonElement, serviceName = true): Promise<void> {
    replaceChildren(outcome);
    outcome.className = 'form-message';
    button.disabled = true;
    try {
      const fetched = await fetchDocument(ctx.api, path, name);
      const filename = serviceName ? fetched.filename : name;
      const { blob } = fetched;
      saveBlob(blob, filename);
      ctx.announce('account.documents.downloaded', { file: filename });
    } catch (error) {
      replaceChildren(outcome, problemPanel(error));
    } finally {
      button.disabled = false;
    }
  }

  /** A download button: short text, and an accessible name that says which document. */
  function pdfButton(label: MessageKey, params: Record<string, string>, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
    const button = tx('account.documents.pdf', undefined, 'button');
    button.type = 'button';
    button.className = 'secondary';
    setAttr(button, 'aria-label', label, params);
    button.addEventListener('click', () => onClick(button));
    return button;
  }

  async function loadInvoices(year: string): Promise<void> {
    replaceChildren(invoicesBox, loading());
    try {
      const query = new URLSearchParams({ partnerId, year, page: '0', size: String(PORTAL.pageSize) });
      const answer = await ctx.api.get<Page<InvoiceSummary>>(`/api/invoices?${query}`);
      const invoices = [...(answer.items ?? [])].sort((a, b) => a.invoiceNumber.localeCompare(b.invoiceNumber));
      const rows = invoices.map((invoice) => {
        const button = pdfButton('account.invoices.pdf', { number: invoice.invoiceNumber }, (b) =>
          void download(`/api/invoices/${encodeURIComponent(invoice.invoiceNumber)}.pdf`, `${invoice.invoiceNumber}.pdf`, b));
        button.dataset.testid = 'invoice-pdf';
        button.dataset.invoiceNumber = invoice.invoiceNumber;
        return h('tr', { 'data-invoice-number': invoice.invoiceNumber },
          h('th', { scope: 'row' }, invoice.invoiceNumber),
          h('td', {}, date(invoice.invoiceDate ?? invoice.issuedAt)),
          h('td', { className: 'num' }, money(invoice.net)),
          h('td', { className: 'num' }, money(invoice.vat)),
          h('td', { className: 'num' }, money(invoice.total)),
          h('td', {}, button));
      });
      replaceChildren(invoicesBox,
        table('invoices-table', 'account.invoices.caption', [
          'account.invoices.number', 'account.invoices.date', 'account.invoices.net', 'account.invoices.vat',
          'account.invoices.total', 'account.invoices.document',
        ], rows, 'account.invoices.none'),
        answer.total > invoices.length ? tx('common.showingFirst', { shown: invoices.length, total: answer.total }, 'p') : null);
    } catch (error) {
      replaceChildren(invoicesBox, problemPanel(error));
    }
  }

  async function loadStatement(year: string): Promise<void> {
    replaceChildren(statementBox, loading());
    const path = `/api/tax-statements/${encodeURIComponent(partnerId)}/${encodeURIComponent(year)}`;
    try {
      const statement = await ctx.api.get<TaxStatement>(path);
      const rows = (statement.currencies ?? []).map((part) => h('tr', { 'data-currency': part.currency },
        h('th', { scope: 'row' }, part.currency),
        h('td', { className: 'num' }, String(part.invoices)),
        h('td', { className: 'num' }, money(part.net ?? null)),
        h('td', { className: 'num' }, money(part.vat ?? null)),
        h('td', { className: 'num' }, money(part.paid))));
      const button = pdfButton('account.taxStatement.pdf', { year }, (b) => void download(`${path}.pdf`, `tax-statement-${year}.pdf`, b, false));
      button.id = 'tax-statement-pdf';
      replaceChildren(statementBox,
        table('tax-statement-table', 'account.taxStatement.caption', [
          'account.taxStatement.currency', 'account.taxStatement.invoices', 'account.invoices.net', 'account.invoices.vat',
          'account.taxStatement.paid',
        ], rows, 'account.taxStatement.none'),
        h('p', {}, button));
    } catch (error) {
      replaceChildren(statementBox, problemPanel(error));
    }
  }

  function load(): void {
    const year = picker.control.value;
    void loadInvoices(year);
    void loadStatement(year);
  }
  picker.control.addEventListener('change', load);
  load();
  return { element: page };
}
