// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dispute, InvoiceSummary, TaxProfile } from '../src/api/account-types';
import type { LedgerEntry } from '../src/api/types';
import { i18n } from '../src/i18n/i18n';
import { relocalize } from '../src/ui/l10n';
import { commissionsView } from '../src/views/commissions';
import { documentsView } from '../src/views/partner-documents';
import { disputesView } from '../src/views/partner-disputes';
import { profileView } from '../src/views/profile';
// the ledger's chart is Chart.js on a canvas, which jsdom cannot draw: not what these tests look at
vi.mock('../src/ui/chart', () => ({ drawCommissionChart: vi.fn(() => ({ destroy: vi.fn() })) }));

import { type Answer, PARTNER_TOKEN, json, partnerContext, problem, submit, text, tick, type } from './account-fake-api';

const PARTNER = { partnerId: 'P-1', name: 'Anna Meier', email: 'anna@example.com', language: 'en', parentPartnerId: null, createdAt: '2026-11-01T10:00:00Z' };
const PROFILE: TaxProfile = {
  partnerId: 'P-1', legalName: 'Meier Consulting GmbH',
  address: { line1: 'Hauptstr. 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
  vatId: 'DE123456789', vatRegistered: true, selfBillingAccepted: false, selfBillingAcceptedBy: null, selfBillingAcceptedAt: null,
};

function showProfile(routes: Record<string, Answer>) {
  const context = partnerContext({
    'GET /api/partners/me': json(200, PARTNER),
    'GET /api/payout-details/P-1': problem(404, 'not-found'),
    'GET /api/tax-profiles/P-1': problem(404, 'not-found'),
    ...routes,
  });
  const view = profileView(context.ctx);
  document.body.replaceChildren(view.element);
  return { ...context, view };
}

const loaded = () => vi.waitFor(() => {
  expect(document.querySelector('#profile-form')).not.toBeNull();
  expect(document.querySelector('#payout-form')).not.toBeNull();
  expect(document.querySelector('#tax-form')).not.toBeNull();
});

describe('the partner\'s profile (#/profile)', () => {
  afterEach(() => {
    i18n.set('en', false);
    localStorage.clear();
  });

  it('changes name, e-mail and language through PUT /api/partners/{own id}', async () => {
    const { calls } = showProfile({
      'PUT /api/partners/P-1': ({ body }) => json(200, { ...PARTNER, ...(body as object) }),
    });
    await loaded();
    expect(document.querySelector<HTMLInputElement>('#profile-name')?.value).toBe('Anna Meier');
    type('#profile-name', 'Anna Meier-Schulz');
    type('#profile-email', 'anna.schulz@example.com');
    type('#profile-language', 'fr');
    submit(document.querySelector('#profile-form'));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/partners/P-1');
    expect(put.body).toEqual({ name: 'Anna Meier-Schulz', email: 'anna.schulz@example.com', language: 'fr' });
    expect(put.headers.Authorization).toBe(`Bearer ${PARTNER_TOKEN}`);
    // no language chosen in the page yet: it now speaks the partner's
    await vi.waitFor(() => expect(i18n.language).toBe('fr'));
    expect(text(document.querySelector('#profile-form-message'))).toBe('Vos coordonnées sont enregistrées.');
  });

  it('shows an address the service refuses on the e-mail field', async () => {
    showProfile({
      'PUT /api/partners/P-1': problem(400, 'validation-failed', { errors: [{ field: 'email', message: 'must be a plain e-mail address' }] }),
    });
    await loaded();
    type('#profile-email', 'anna@localhost');
    submit(document.querySelector('#profile-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#profile-email-error'))).toBe('must be a plain e-mail address'));
    expect(document.querySelector('#profile-email')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds payout details: a mistyped IBAN is caught on its field, a right one is saved and shown in groups of four', async () => {
    const { calls } = showProfile({
      'PUT /api/payout-details/P-1': ({ body }) => json(200, {
        partnerId: 'P-1', accountHolder: (body as { accountHolder: string }).accountHolder, iban: 'DE89370400440532013000', bic: null, updatedAt: '2026-12-01T10:00:00Z',
      }),
    });
    await loaded();
    expect(text(document.querySelector('#payout-current'))).toContain('No bank account yet');
    type('#payout-holder', 'Meier Consulting GmbH');
    type('#payout-iban', 'DE89 3704 0044 0532 0130 01');
    submit(document.querySelector('#payout-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#payout-iban-error'))).toContain('check digits'));
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);

    type('#payout-iban', 'de89 3704 0044 0532 0130 00');
    submit(document.querySelector('#payout-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#payout-form-message'))).toBe('Your payout details are saved.'));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ accountHolder: 'Meier Consulting GmbH', iban: 'de89 3704 0044 0532 0130 00', bic: null });
    expect(text(document.querySelector('[data-testid="payout-current-iban"]'))).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('puts the service\'s invalid-iban on the IBAN field, in the page\'s words', async () => {
    showProfile({
      'PUT /api/payout-details/P-1': problem(400, 'invalid-iban', { errors: [{ field: 'iban', message: '[XK] Country code is not supported.' }] }),
    });
    await loaded();
    type('#payout-holder', 'Anna');
    type('#payout-iban', 'XK05 1212 0123 4567 8906');
    submit(document.querySelector('#payout-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#payout-iban-error'))).toBe('The bank does not accept this IBAN for its country.'));
  });

  it('shows the self-billing agreement to read, and records the acceptance: who and when', async () => {
    const { calls } = showProfile({
      'GET /api/tax-profiles/P-1': json(200, PROFILE),
      'PUT /api/tax-profiles/P-1': ({ body }) => json(200, {
        ...(body as object), partnerId: 'P-1', selfBillingAcceptedBy: 'anna', selfBillingAcceptedAt: '2026-12-01T10:15:00Z',
      }),
    });
    await loaded();
    const agreement = document.querySelector('#self-billing-agreement')!;
    expect(agreement.getAttribute('tabindex')).toBe('0');
    expect(agreement.getAttribute('aria-labelledby')).toBe('self-billing-heading');
    expect(text(agreement)).toContain('Rapport writes the invoices for the commission it pays you');
    expect(text(document.querySelector('#self-billing-status'))).toBe('Not accepted yet.');
    expect(document.querySelector<HTMLSelectElement>('#tax-country')?.value).toBe('DE');
    expect(text(document.querySelector('#tax-country option[value="DE"]'))).toBe('Germany');
    expect(text(document.querySelector('label[for="tax-self-billing"]'))).toBe('I have read the self-billing agreement and accept it');

    tick('#tax-self-billing', true);
    submit(document.querySelector('#tax-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#tax-form-message'))).toContain('self-billing is accepted'));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      legalName: 'Meier Consulting GmbH',
      address: { line1: 'Hauptstr. 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
      vatId: 'DE123456789', vatRegistered: true, selfBillingAccepted: true,
    });
    expect(text(document.querySelector('#self-billing-status'))).toMatch(/^Accepted by anna on 1 Dec 2026, \d\d:\d\d\.$/);
  });

  it('names the country in the page\'s language and follows a language change', async () => {
    const { view } = showProfile({ 'GET /api/tax-profiles/P-1': json(200, PROFILE) });
    await loaded();
    i18n.set('zh', false);
    relocalize(document);
    view.onLanguage?.();
    expect(text(document.querySelector('#tax-country option[value="DE"]'))).toBe('德国');
    expect(text(document.querySelector('#tax-profile-heading'))).toBe('税务资料');
  });

  it('shows a VAT id the service refuses on the VAT field, and a bad address part on its own field', async () => {
    showProfile({
      'PUT /api/tax-profiles/P-1': problem(400, 'validation-failed', {
        errors: [{ field: 'vatId', message: 'is not a valid VAT id for its country\'s format' }, { field: 'address.postalCode', message: 'must not be blank' }],
      }),
    });
    await loaded();
    type('#tax-legal-name', 'Meier');
    type('#tax-line1', 'Hauptstr. 1');
    type('#tax-postal-code', '1');
    type('#tax-city', 'Berlin');
    type('#tax-country', 'DE');
    type('#tax-vat-id', 'DE1');
    submit(document.querySelector('#tax-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#tax-vat-id-error'))).toContain('not a valid VAT id'));
    expect(text(document.querySelector('#tax-postal-code-error'))).toBe('must not be blank');
  });
});

const ENTRY: LedgerEntry = {
  entryId: 'E-1', partnerId: 'P-1', referralId: 'R-1', role: 'INTRODUCER', type: 'ACCRUAL',
  amount: { amount: '300.00', currency: 'EUR' }, rate: '0.10', basis: { amount: '3000.00', currency: 'EUR' },
  payableAt: '2026-12-31', createdAt: '2026-12-01T10:00:00Z', explanation: '10% of 3000.00 EUR',
};
const PAYOUT: LedgerEntry = { ...ENTRY, entryId: 'E-2', type: 'PAYOUT', amount: { amount: '-300.00', currency: 'EUR' }, createdAt: '2026-11-01T10:00:00Z' };
const DISPUTE: Dispute = {
  disputeId: 'D-1', entryId: 'E-1', partnerId: 'P-1', referralId: 'R-1', status: 'OPEN', message: 'The rate should be 12%',
  openedBy: 'anna', openedAt: '2026-12-02T09:00:00Z', outcome: null, note: null, adjustment: null, adjustmentEntryId: null,
  resolvedBy: null, resolvedAt: null,
};
const page = <T>(items: T[]) => json(200, { items, page: 0, size: 100, total: items.length });

describe('disputes', () => {
  it('are opened from the ledger, on an entry that is not a payout', async () => {
    const { ctx, calls, announce } = partnerContext({
      'GET /api/commissions/summary': json(200, { currencies: [] }),
      'GET /api/commissions?page=0&size=100': page([ENTRY, PAYOUT]),
      'GET /api/disputes?partnerId=P-1&page=0&size=100': page([]),
      'POST /api/commissions/E-1/disputes': json(201, DISPUTE),
    });
    // the live feed: a notification makes the commissions page load again
    const listeners: { onNotification?: () => void }[] = [];
    (ctx as { notifications: unknown }).notifications = { subscribe: (l: { onNotification?: () => void }) => { listeners.push(l); return () => undefined; } };
    const view = commissionsView(ctx);
    document.body.replaceChildren(view.element);
    await vi.waitFor(() => expect(document.querySelector('[data-testid="dispute-entry"]')).not.toBeNull());
    expect(document.querySelectorAll('[data-testid="dispute-entry"]')).toHaveLength(1);
    expect([...document.querySelectorAll('#ledger-table thead th')].map(text).at(-1)).toBe('Dispute');
    const button = document.querySelector<HTMLButtonElement>('tr[data-entry-id="E-1"] [data-testid="dispute-entry"]')!;
    expect(button.getAttribute('aria-label')).toBe('Dispute the entry of 1 Dec 2026 for €300.00');
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const message = document.querySelector<HTMLTextAreaElement>('#dispute-message-E-1')!;
    expect(document.activeElement).toBe(message);
    message.value = 'The rate should be 12%';
    // under the table (which scrolls sideways on a phone), titled with the entry
    const panel = document.querySelector('#dispute-panel')!;
    expect(panel.previousElementSibling?.classList.contains('table-scroll')).toBe(true);
    expect(text(panel.querySelector('h3'))).toBe('Dispute the entry of 1 Dec 2026 for €300.00');
    // a live notification reloads the page's figures, but not over the dispute being written
    const loadsBefore = calls.length;
    listeners.forEach((l) => l.onNotification?.());
    await vi.waitFor(() => expect(calls.filter((c) => c.path.startsWith('/api/commissions?')).length).toBe(2));
    expect(calls.length).toBeGreaterThan(loadsBefore);
    expect(document.querySelector<HTMLTextAreaElement>('#dispute-message-E-1')).toBe(message);
    expect(message.value).toBe('The rate should be 12%');
    submit(document.querySelector('[data-testid="dispute-form"]'));
    await vi.waitFor(() => expect(text(document.querySelector('#dispute-form-E-1-message'))).toContain('Your dispute is open'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ message: 'The rate should be 12%' });
    expect(announce).toHaveBeenCalledWith('account.dispute.opened');
    expect(text(document.querySelector('tr[data-entry-id="E-1"] .status-badge'))).toBe('Open');
    view.destroy?.();
  });

  it('an entry already disputed offers no second dispute, but the way to follow it', async () => {
    const { ctx } = partnerContext({
      'GET /api/commissions/summary': json(200, { currencies: [] }),
      'GET /api/commissions?page=0&size=100': page([ENTRY]),
      'GET /api/disputes?partnerId=P-1&page=0&size=100': page([DISPUTE]),
    });
    document.body.replaceChildren(commissionsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('tr[data-entry-id="E-1"] a[href="#/disputes"]')).not.toBeNull());
    expect(document.querySelector('[data-testid="dispute-entry"]')).toBeNull();
  });

  it('are listed with their status and finance\'s outcome, the entry told in words', async () => {
    const resolved: Dispute = {
      ...DISPUTE, disputeId: 'D-0', status: 'RESOLVED', openedAt: '2026-11-20T09:00:00Z', outcome: 'UPHELD',
      note: 'Rate corrected', adjustment: { amount: '60.00', currency: 'EUR' }, resolvedBy: 'finance', resolvedAt: '2026-11-21T09:00:00Z',
    };
    const { ctx } = partnerContext({
      'GET /api/disputes?partnerId=P-1&page=0&size=100': page([resolved, DISPUTE]),
      'GET /api/commissions?page=0&size=100': page([ENTRY]),
    });
    document.body.replaceChildren(disputesView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#disputes-table')).not.toBeNull());
    const rows = [...document.querySelectorAll('#disputes-table tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['OPEN', 'RESOLVED']);
    expect(text(rows[0])).toContain('1 Dec 2026 · Earned · €300.00');
    expect(text(rows[0])).toContain('Finance is looking into it.');
    expect(text(rows[1])).toContain('Upheld');
    expect(text(rows[1])).toContain('Rate corrected');
    expect(text(rows[1])).toContain('Adjustment: €60.00');
    expect(text(rows[1])).not.toContain('E-1');
  });
});

describe('invoices and tax statements (#/documents)', () => {
  const INVOICE: InvoiceSummary = {
    invoiceNumber: 'SB-2026-000001', partnerId: 'P-1', batchId: 'B-1', currency: 'EUR', net: { amount: '300.00', currency: 'EUR' },
    vat: { amount: '57.00', currency: 'EUR' }, total: { amount: '357.00', currency: 'EUR' }, issuedAt: '2026-12-01T10:00:00Z', invoiceDate: '2026-12-01',
  };
  const year = String(new Date().getFullYear());

  it('lists the year\'s invoices and the tax statement, and downloads a PDF with the bearer token', async () => {
    const pdfFetch = vi.fn(async (_path: string, _init: RequestInit) => new Response(new Blob(['%PDF-1.7']), {
      status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="SB-2026-000001.pdf"' },
    }));
    // the PDFs come through the page's API client like every other call
    const pdf = (call: { path: string; headers: Record<string, string> }) => pdfFetch(call.path, { headers: call.headers });
    const { ctx, announce } = partnerContext({
      [`GET /api/invoices?partnerId=P-1&year=${year}&page=0&size=100`]: page([INVOICE]),
      [`GET /api/tax-statements/P-1/${year}`]: json(200, {
        partnerId: 'P-1', year: Number(year), currencies: [{ currency: 'EUR', paid: INVOICE.total, invoices: 1, net: INVOICE.net, vat: INVOICE.vat }],
      }),
      'GET /api/invoices/SB-2026-000001.pdf': pdf,
      [`GET /api/tax-statements/P-1/${year}.pdf`]: pdf,
    });
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:fake');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    try {
      document.body.replaceChildren(documentsView(ctx).element);
      await vi.waitFor(() => expect(document.querySelector('#invoices-table')).not.toBeNull());
      await vi.waitFor(() => expect(document.querySelector('#tax-statement-table')).not.toBeNull());
      expect(document.querySelector<HTMLSelectElement>('#documents-year')?.value).toBe(year);
      const row = document.querySelector('tr[data-invoice-number="SB-2026-000001"]')!;
      expect([...row.children].slice(0, 5).map(text)).toEqual(['SB-2026-000001', '1 Dec 2026', '€300.00', '€57.00', '€357.00']);
      expect([...document.querySelectorAll('#tax-statement-table tbody td')].map(text)).toEqual(['1', '€300.00', '€57.00', '€357.00']);

      const button = row.querySelector<HTMLButtonElement>('[data-testid="invoice-pdf"]')!;
      expect(button.getAttribute('aria-label')).toBe('Download PDF: invoice SB-2026-000001');
      // the visible words are part of the accessible name (WCAG 2.5.3)
      expect(button.getAttribute('aria-label')).toContain(text(button));
      button.click();
      await vi.waitFor(() => expect(saved).toEqual(['SB-2026-000001.pdf']));
      const [path, init] = pdfFetch.mock.calls[0] as unknown as [string, RequestInit];
      expect(path).toBe('/api/invoices/SB-2026-000001.pdf');
      expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${PARTNER_TOKEN}`);
      expect(announce).toHaveBeenCalledWith('account.documents.downloaded', { file: 'SB-2026-000001.pdf' });

      // the service names the statement by the partner's id: saved by its year instead
      pdfFetch.mockResolvedValueOnce(new Response(new Blob(['%PDF-1.7']), {
        status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="tax-statement-P-1-${year}.pdf"` },
      }));
      document.querySelector<HTMLButtonElement>('#tax-statement-pdf')!.click();
      await vi.waitFor(() => expect(saved).toEqual(['SB-2026-000001.pdf', `tax-statement-${year}.pdf`]));

      pdfFetch.mockResolvedValueOnce(problem(404, 'not-found', { detail: 'no such statement' }));
      document.querySelector<HTMLButtonElement>('#tax-statement-pdf')!.click();
      await vi.waitFor(() => expect(document.querySelector('#documents-message .problem')?.getAttribute('data-slug')).toBe('not-found'));
      expect((pdfFetch.mock.calls[2] as unknown as [string])[0]).toBe(`/api/tax-statements/P-1/${year}.pdf`);
    } finally {
      click.mockRestore();
    }
  });

  it('says when a year has no invoice', async () => {
    const { ctx, calls } = partnerContext({
      [`GET /api/invoices?partnerId=P-1&year=${year}&page=0&size=100`]: page([]),
      [`GET /api/tax-statements/P-1/${year}`]: json(200, { partnerId: 'P-1', year: Number(year), currencies: [] }),
      [`GET /api/invoices?partnerId=P-1&year=${Number(year) - 1}&page=0&size=100`]: page([INVOICE]),
      [`GET /api/tax-statements/P-1/${Number(year) - 1}`]: json(200, { partnerId: 'P-1', year: Number(year) - 1, currencies: [] }),
    });
    document.body.replaceChildren(documentsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#invoices-table')?.tagName).toBe('P'));
    expect(text(document.querySelector('#invoices-table'))).toContain('No invoice in this year');
    const picker = document.querySelector<HTMLSelectElement>('#documents-year')!;
    picker.value = String(Number(year) - 1);
    picker.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('#invoices-table tbody tr')).not.toBeNull());
    expect(calls.map((c) => c.path)).toContain(`/api/tax-statements/P-1/${Number(year) - 1}`);
  });
});
