/**
 * Payout runs (FINANCE): the batches, a new batch over what is payable by a date (not after today), its lines and
 * the lines it skipped with the reason, confirmation by a second finance user (the creator is refused: four eyes),
 * cancellation, and the files: the CSV, one pain.001 per currency, and each line's self-billing invoice (PDF).
 */
import type { Page } from '../api/types';
import type { Invoice, PayoutBatch } from '../api/finance-types';
import type { AppContext, View } from '../app-context';
import { asOfProblem, batchCurrencies, latestAsOf, safeFileName } from '../format/finance';
import type { MessageKey } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { date, dateTime, money, setText, tx } from '../ui/l10n';
import { loading, section, table } from './components';
import {
  FinanceForm, PartnerDirectory, button, downloadTo, facts, financeProblem, loadPartners, outcomeRegion, pageHeading,
} from './finance-common';
import { IdempotentSubmission } from '../api/client';
import { ApiError } from '../api/problem';

export function batchStatusBadge(status: string): HTMLElement {
  const badge = tx(`finance.batchStatus.${status}` as MessageKey, undefined, 'span');
  badge.className = `status-badge batch-${status.toLowerCase()}`;
  badge.dataset.status = status;
  return badge;
}

export function skipReason(reason: string): HTMLElement {
  const element = tx(`finance.skip.${reason}` as MessageKey, undefined, 'span');
  if (element.textContent === `finance.skip.${reason}`) {
    element.textContent = reason;
    delete element.dataset.i18n;
  }
  element.dataset.reason = reason;
  return element;
}

/** A batch's totals, one amount per currency, or a dash when it pays nothing. */
function totalsOf(batch: PayoutBatch): (Node | string | null)[] {
  const totals = batch.totals ?? [];
  return totals.length ? totals.flatMap((total, i) => [i > 0 ? ', ' : null, money(total.amount)]) : ['—'];
}

export function financePayoutsView(ctx: AppContext, today: () => string = () => latestAsOf()): View {
  const listBox = h('div', { 'aria-busy': 'true' }, loading());
  const detailBox = h('div', { id: 'finance-batch-detail' });
  const outcome = outcomeRegion('finance-batch-outcome');
  let directory = new PartnerDirectory([]);
  let shown: string | null = null;
  const submission = new IdempotentSubmission();

  const form = new FinanceForm({
    id: 'finance-batch-form',
    fields: [{
      name: 'asOf', id: 'finance-batch-asof', label: 'finance.batch.asOf', type: 'date', required: true, value: today(),
      hint: 'finance.batch.asOfHint',
    }],
    submit: 'finance.batch.create',
    onSubmit: async (values) => {
      const problem = asOfProblem(values.asOf, today());
      if (problem) {
        const f = form.fields.get('asOf')!;
        f.error.hidden = false;
        setText(f.error, `finance.batch.asOf.${problem}` as MessageKey);
        f.control.setAttribute('aria-invalid', 'true');
        f.control.focus();
        return null;
      }
      const body = { asOf: values.asOf };
      try {
        const batch = await ctx.api.post<PayoutBatch>('/api/payouts', body, { idempotencyKey: submission.keyFor(body) });
        submission.settled();
        ctx.announce('finance.batch.created');
        await loadList();
        await show(batch.batchId, batch);
        return { key: 'finance.batch.createdLines', params: { lines: batch.lines?.length ?? 0, skipped: batch.skipped?.length ?? 0 } };
      } catch (error) {
        // a request nobody answered may be sent again with the same key; an answer ends this submission
        if (!(error instanceof ApiError && error.status === 0)) {
          submission.settled();
        }
        throw error;
      }
    },
  });
  form.fields.get('asOf')!.control.setAttribute('max', today());
  // the browser's own check (max) says only "not valid": say why, after the form's check has run
  form.element.addEventListener('submit', () => {
    const f = form.fields.get('asOf')!;
    const problem = asOfProblem(f.control.value, today());
    if (problem) {
      f.error.hidden = false;
      setText(f.error, `finance.batch.asOf.${problem}` as MessageKey);
      f.control.setAttribute('aria-invalid', 'true');
    }
  });
  form.element.querySelector('button[type=submit]')?.setAttribute('data-testid', 'finance-batch-create');

  const page = h('div', { className: 'finance' },
    pageHeading('finance.payouts.title', 'finance.payouts.intro'),
    section('finance-batch-new', 'finance.batch.new', form.element),
    section('finance-batches', 'finance.batch.list', listBox),
    section('finance-batch', 'finance.batch.detail', outcome.element, detailBox));

  async function loadList(): Promise<void> {
    try {
      const batches = await ctx.api.get<Page<PayoutBatch>>('/api/payouts?page=0&size=100');
      const items = [...(batches.items ?? [])].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
      const rows = items.map((batch) => h('tr', { 'data-batch-id': batch.batchId, 'data-status': batch.status },
        h('td', {}, dateTime(batch.createdAt)),
        h('td', {}, date(batch.asOf)),
        h('td', {}, batchStatusBadge(batch.status)),
        h('td', { className: 'num' }, totalsOf(batch)),
        h('td', {}, batch.createdBy ?? '—'),
        h('td', {}, button('finance.batch.open', () => show(batch.batchId), {
          testId: `finance-batch-open-${batch.batchId}`, ariaLabel: 'finance.batch.openNamed', ariaParams: { asOf: batch.asOf },
        }))));
      replaceChildren(listBox, table('finance-batch-table', 'finance.batch.list', [
        'finance.batch.createdAt', 'finance.batch.asOf', 'finance.batch.status', 'finance.batch.totals',
        'finance.batch.createdBy', 'finance.actions',
      ], rows, 'finance.batch.none'));
    } catch (error) {
      replaceChildren(listBox, financeProblem(error));
    } finally {
      listBox.setAttribute('aria-busy', 'false');
    }
  }

  async function show(batchId: string, known?: PayoutBatch): Promise<void> {
    shown = batchId;
    outcome.clear();
    try {
      const batch = known ?? await ctx.api.get<PayoutBatch>(`/api/payouts/${encodeURIComponent(batchId)}`);
      const invoices = batch.status === 'PAID' ? await invoicesOf(batch.batchId) : [];
      renderBatch(batch, invoices);
      detailBox.querySelector<HTMLElement>('h3')?.focus();
    } catch (error) {
      replaceChildren(detailBox, financeProblem(error));
    }
  }

  async function invoicesOf(batchId: string): Promise<Invoice[]> {
    try {
      const answer = await ctx.api.get<Page<Invoice>>('/api/invoices?page=0&size=500');
      return (answer.items ?? []).filter((invoice) => invoice.batchId === batchId);
    } catch {
      return [];
    }
  }

  async function act(batch: PayoutBatch, action: 'confirm' | 'cancel'): Promise<void> {
    outcome.clear();
    try {
      const answer = await ctx.api.post<PayoutBatch>(`/api/payouts/${encodeURIComponent(batch.batchId)}/${action}`);
      await loadList();
      await show(answer.batchId, answer.status === 'PAID' ? undefined : answer);
      outcome.ok(action === 'confirm' ? 'finance.batch.confirmed' : 'finance.batch.cancelled');
      ctx.announce(action === 'confirm' ? 'finance.batch.confirmed' : 'finance.batch.cancelled');
    } catch (error) {
      outcome.fail(error);
    }
  }

  function fileOf(path: string, filename: string): Promise<void> {
    return downloadTo(outcome, ctx.api, path, filename);
  }

  function renderBatch(batch: PayoutBatch, invoices: Invoice[]): void {
    const id = encodeURIComponent(batch.batchId);
    const heading = tx('finance.batch.heading', { asOf: date(batch.asOf).textContent ?? batch.asOf }, 'h3');
    heading.tabIndex = -1;
    heading.id = 'finance-batch-heading';
    const invoiceFor = (partnerId: string, currency: string) =>
      invoices.find((invoice) => invoice.partnerId === partnerId && invoice.currency === currency);
    const lineRows = (batch.lines ?? []).map((line) => {
      const invoice = invoiceFor(line.partnerId, line.currency);
      return h('tr', { 'data-partner-id': line.partnerId, 'data-currency': line.currency },
        h('th', { scope: 'row' }, directory.cell(line.partnerId)),
        h('td', {}, line.currency),
        h('td', { className: 'num' }, money(line.amount)),
        h('td', {}, invoice
          ? button('finance.batch.invoicePdf', () => fileOf(`/api/invoices/${encodeURIComponent(invoice.invoiceNumber)}.pdf`,
            safeFileName(`${invoice.invoiceNumber}.pdf`)), {
            testId: `finance-invoice-${invoice.invoiceNumber}`, ariaLabel: 'finance.batch.invoicePdfNamed',
            ariaParams: { number: invoice.invoiceNumber, partner: directory.label(line.partnerId) },
          })
          : tx(batch.status === 'PAID' ? 'finance.batch.noInvoice' : 'finance.batch.invoiceOnConfirm')));
    });
    const skippedRows = (batch.skipped ?? []).map((line) => h('tr', { 'data-partner-id': line.partnerId, 'data-reason': line.reason },
      h('th', { scope: 'row' }, directory.cell(line.partnerId)),
      h('td', {}, line.currency),
      h('td', { className: 'num' }, money(line.amount)),
      h('td', {}, skipReason(line.reason))));
    const open = batch.status === 'OPEN';
    const downloads = h('div', { className: 'form-actions wrap' },
      button('finance.batch.csv', () => fileOf(`/api/payouts/${id}/export.csv`, safeFileName(`payout-${batch.asOf}-${batch.batchId.slice(0, 8)}.csv`)), {
        testId: 'finance-batch-csv',
      }),
      batchCurrencies(batch).map((currency) => button('finance.batch.pain001', () => fileOf(
        `/api/payouts/${id}/pain001.xml?currency=${encodeURIComponent(currency)}`,
        safeFileName(`pain001-${currency}-${batch.asOf}-${batch.batchId.slice(0, 8)}.xml`)), {
        testId: `finance-batch-pain001-${currency}`, textParams: { currency },
      })));
    const actions = open ? h('div', { className: 'form-actions wrap' },
      button('finance.batch.confirm', () => act(batch, 'confirm'), { testId: 'finance-batch-confirm', primary: true }),
      button('finance.batch.cancel', () => act(batch, 'cancel'), { testId: 'finance-batch-cancel' })) : null;
    const hint = open ? tx('finance.batch.fourEyesHint', { creator: batch.createdBy ?? '—' }, 'p') : null;
    if (hint) {
      hint.className = 'field-hint';
    }
    replaceChildren(detailBox,
      h('div', { 'data-batch-id': batch.batchId, 'data-status': batch.status, 'data-testid': 'finance-batch' },
        heading,
        facts([
          ['finance.batch.status', batchStatusBadge(batch.status)],
          ['finance.batch.asOf', date(batch.asOf)],
          ['finance.batch.createdBy', batch.createdBy ?? '—'],
          ['finance.batch.createdAt', dateTime(batch.createdAt)],
          ['finance.batch.paidOn', date(batch.paidOn)],
          ['finance.batch.totals', h('span', {}, totalsOf(batch))],
        ]),
        hint, actions,
        tx('finance.batch.lines', undefined, 'h4'),
        table('finance-batch-lines', 'finance.batch.lines', ['finance.partner.label', 'finance.currency', 'finance.amount', 'finance.batch.invoice'],
          lineRows, 'finance.batch.noLines'),
        tx('finance.batch.skipped', undefined, 'h4'),
        table('finance-batch-skipped', 'finance.batch.skipped', ['finance.partner.label', 'finance.currency', 'finance.amount', 'finance.batch.reason'],
          skippedRows, 'finance.batch.noneSkipped'),
        tx('finance.batch.files', undefined, 'h4'),
        downloads));
  }

  async function start(): Promise<void> {
    try {
      directory = new PartnerDirectory(await loadPartners(ctx.api));
    } catch {
      // names fall back to short ids
    }
    await loadList();
    if (!shown) {
      replaceChildren(detailBox, tx('finance.batch.pick', undefined, 'p'));
    }
  }

  void start();
  return { element: page };
}
