// @vitest-environment jsdom
import type { Chart } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api/client';
import type { AppContext } from '../src/app-context';
import { i18n } from '../src/i18n/i18n';
import { relocalize } from '../src/ui/l10n';
import { financeAdjustmentsView } from '../src/views/finance-adjustments';
import { financeLiabilityView } from '../src/views/finance-liability';
import { financePayoutsView } from '../src/views/finance-payouts';
import { financeDisputesView } from '../src/views/finance-disputes';
import { financeLedgerView } from '../src/views/finance-ledger';

type Handler = (body: unknown, url: URL) => { status: number; body?: unknown };

const money = (amount: string, currency: string) => ({ amount, currency });
const page = (items: unknown[]) => ({ items, page: 0, size: items.length, total: items.length });
const PROBLEM = 'https://docs.rapport.example/problems/';

const PARTNERS = [
  { partnerId: 'p-acme', name: 'Acme Conseil', email: 'acme@example.test', language: 'fr', parentPartnerId: null, createdAt: '2026-01-01T00:00:00Z' },
  { partnerId: 'p-li', name: '李伟咨询', email: 'li@example.test', language: 'zh', parentPartnerId: null, createdAt: '2026-01-01T00:00:00Z' },
];

/** A fake API: "METHOD /path" → handler; every call is recorded. Anything not routed is a 404 problem. */
function fakeApi(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetchImpl = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://portal.test');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname + url.search, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const handler = routes[`${method} ${url.pathname}`];
    const answer = handler ? handler(body, url) : { status: 404, body: { type: `${PROBLEM}not-found`, title: 'Not found', status: 404 } };
    const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': type } });
  });
  const api = new ApiClient(() => undefined, fetchImpl as unknown as typeof fetch);
  const announced: string[] = [];
  const ctx = {
    api, claims: { sub: 'finance', roles: ['FINANCE'], partnerId: null, exp: null }, notifications: null,
    announce: (key: string) => announced.push(key),
  } as unknown as AppContext;
  return { ctx, calls, announced };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click();

const BATCH = {
  batchId: 'b-1', asOf: '2026-11-30', status: 'OPEN', createdAt: '2026-12-01T09:00:00Z', createdBy: 'finance', paidOn: null,
  lines: [{ partnerId: 'p-acme', currency: 'EUR', amount: money('300.00', 'EUR') }, { partnerId: 'p-li', currency: 'CNY', amount: money('80.00', 'CNY') }],
  totals: [{ currency: 'CNY', amount: money('80.00', 'CNY') }, { currency: 'EUR', amount: money('300.00', 'EUR') }],
  skipped: [{ partnerId: 'p-unknown-1234567', currency: 'EUR', amount: money('12.00', 'EUR'), reason: 'self-billing-not-accepted' }],
};

describe('payout runs', () => {
  afterEach(() => {
    i18n.set('en', false);
    document.body.replaceChildren();
  });

  it('lists the batches, opens one with its lines by partner name and what it left out with the reason in words', async () => {
    const { ctx } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/payouts': () => ({ status: 200, body: page([BATCH]) }),
      'GET /api/payouts/b-1': () => ({ status: 200, body: BATCH }),
    });
    const view = financePayoutsView(ctx, () => '2026-12-01');
    document.body.append(view.element);
    await settle();
    expect([...document.querySelectorAll('#finance-batch-table tbody tr')].map((row) => text(row.children[2]))).toEqual(['Open']);
    click('[data-testid="finance-batch-open-b-1"]');
    await settle();
    const lines = [...document.querySelectorAll('#finance-batch-lines tbody tr')].map((row) => [...row.children].slice(0, 3).map(text));
    expect(lines).toEqual([['Acme Conseil', 'EUR', '€300.00'], ['李伟咨询', 'CNY', 'CN¥80.00']]);
    expect([...document.querySelectorAll('#finance-batch-skipped tbody tr')].map((row) => [...row.children].map(text)))
      .toEqual([['p-unknow…', 'EUR', '€12.00', 'Self-billing agreement not accepted']]);
    expect([...document.querySelectorAll('[data-testid^="finance-batch-pain001-"]')].map(text))
      .toEqual(['Bank file pain.001 (CNY)', 'Bank file pain.001 (EUR)']);
    i18n.set('zh', false);
    relocalize(document);
    expect(text(document.querySelector('#finance-batch-skipped tbody td:last-child'))).toBe('尚未接受自开票协议');
    expect(text(document.querySelector('[data-testid="finance-batch-pain001-EUR"]'))).toBe('银行文件 pain.001（EUR）');
  });

  it('shows the four-eyes refusal in plain words when the creator confirms, and nothing changes', async () => {
    const { ctx, calls } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/payouts': () => ({ status: 200, body: page([BATCH]) }),
      'GET /api/payouts/b-1': () => ({ status: 200, body: BATCH }),
      'POST /api/payouts/b-1/confirm': () => ({ status: 403, body: {
        type: `${PROBLEM}four-eyes`, title: 'Four eyes', status: 403, detail: 'batch b-1 was created by finance; another finance user must confirm it',
      } }),
    });
    document.body.append(financePayoutsView(ctx, () => '2026-12-01').element);
    await settle();
    click('[data-testid="finance-batch-open-b-1"]');
    await settle();
    click('[data-testid="finance-batch-confirm"]');
    await settle();
    const outcome = document.querySelector('[data-testid="finance-batch-outcome"]')!;
    expect(outcome.getAttribute('data-problem')).toBe('four-eyes');
    expect(text(outcome.querySelector('.problem-message'))).toBe(
      'Someone else must do this: the person who proposed or created it cannot also approve or confirm it (four-eyes rule). Ask another finance colleague.');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/payouts/b-1/confirm']);
    expect(document.querySelector('[data-testid="finance-batch"]')?.getAttribute('data-status')).toBe('OPEN');
  });

  it('refuses a date after today before asking the API, and creates a batch as of a past date with an idempotency key', async () => {
    const created = { ...BATCH, batchId: 'b-2', asOf: '2026-11-15' };
    const { ctx, calls, announced } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/payouts': () => ({ status: 200, body: page([]) }),
      'POST /api/payouts': () => ({ status: 201, body: created }),
    });
    document.body.append(financePayoutsView(ctx, () => '2026-12-01').element);
    await settle();
    const asOf = document.querySelector<HTMLInputElement>('#finance-batch-asof')!;
    expect(asOf.value).toBe('2026-12-01');
    expect(asOf.max).toBe('2026-12-01');
    asOf.value = '2026-12-02';
    document.querySelector<HTMLFormElement>('#finance-batch-form')!.requestSubmit();
    await settle();
    expect(text(document.querySelector('#finance-batch-asof-error'))).toBe('The date may not be after today.');
    expect(asOf.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    asOf.value = '2026-11-15';
    document.querySelector<HTMLFormElement>('#finance-batch-form')!.requestSubmit();
    await settle();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ asOf: '2026-11-15' });
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(text(document.querySelector('#finance-batch-form-message'))).toBe('Batch created: 2 line(s) to pay, 1 left out.');
    expect(document.querySelector('[data-testid="finance-batch"]')?.getAttribute('data-batch-id')).toBe('b-2');
    expect(announced).toContain('finance.batch.created');
  });
});

describe('adjustments', () => {
  afterEach(() => document.body.replaceChildren());

  it('picks the partner by searching its name, proposes a signed amount, and shows four-eyes on the proposer\'s approval', async () => {
    const proposed: unknown[] = [];
    const { ctx, calls } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/referrals': () => ({ status: 200, body: page([]) }),
      'GET /api/adjustments': () => ({ status: 200, body: page(proposed) }),
      'POST /api/adjustments': (body) => {
        const adjustment = { ...(body as object), status: 'PROPOSED', proposedBy: 'finance', proposedAt: '2026-12-01T10:00:00Z' };
        proposed.push(adjustment);
        return { status: 201, body: adjustment };
      },
    });
    document.body.append(financeAdjustmentsView(ctx).element);
    await settle();
    const search = document.querySelector<HTMLInputElement>('[data-testid="finance-adjustment-partner-search"]')!;
    const select = document.querySelector<HTMLSelectElement>('[data-testid="finance-adjustment-partner"]')!;
    expect(document.querySelector(`label[for="${select.id}"]`)).not.toBeNull();
    expect(document.querySelector(`label[for="${search.id}"]`)).not.toBeNull();
    search.value = 'acme';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect([...select.options].map((o) => o.value)).toEqual(['', 'p-acme']);
    expect(select.value).toBe('p-acme');
    expect(text(document.querySelector('#finance-adjustment-partner-count'))).toBe('1 of 2 partners match.');

    (document.querySelector('#finance-adjustment-amount') as HTMLInputElement).value = '-25,50';
    (document.querySelector('#finance-adjustment-reason') as HTMLTextAreaElement).value = 'Double payment in November';
    document.querySelector<HTMLFormElement>('#finance-adjustment-form')!.requestSubmit();
    await settle();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/adjustments')!;
    expect(post.body).toMatchObject({ partnerId: 'p-acme', amount: { amount: '-25.50', currency: 'EUR' }, reason: 'Double payment in November' });
    expect((post.body as { adjustmentId: string }).adjustmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text(document.querySelector('#finance-adjustment-form-message'))).toBe('Adjustment proposed. Another finance user must approve it.');

    const row = document.querySelector('#finance-adjustment-table tbody tr')!;
    expect(text(row.children[0])).toBe('Acme Conseil');
    expect(text(row.children[1])).toBe('-€25.50');
    // the API refuses the proposer's approval
    const adjustmentId = (post.body as { adjustmentId: string }).adjustmentId;
    const fetchImpl = (ctx.api as unknown as { fetchImpl: ReturnType<typeof vi.fn> }).fetchImpl;
    fetchImpl.mockImplementationOnce(async () => new Response(JSON.stringify({ type: `${PROBLEM}four-eyes`, title: 'Four eyes', status: 403 }),
      { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    click(`[data-testid="finance-adjustment-approve-${adjustmentId}"]`);
    await settle();
    const outcome = document.querySelector('[data-testid="finance-adjustment-outcome"]')!;
    expect(outcome.getAttribute('data-problem')).toBe('four-eyes');
    expect(text(outcome)).toContain('four-eyes rule');
  });

  it('never sends a proposal without a partner chosen from the list, nor a zero amount', async () => {
    const { ctx, calls } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/adjustments': () => ({ status: 200, body: page([]) }),
    });
    document.body.append(financeAdjustmentsView(ctx).element);
    await settle();
    (document.querySelector('#finance-adjustment-amount') as HTMLInputElement).value = '10';
    (document.querySelector('#finance-adjustment-reason') as HTMLTextAreaElement).value = 'Bonus';
    document.querySelector<HTMLFormElement>('#finance-adjustment-form')!.requestSubmit();
    await settle();
    expect(text(document.querySelector('#finance-adjustment-partner-error'))).toBe('Choose a partner first.');
    const select = document.querySelector<HTMLSelectElement>('#finance-adjustment-partner')!;
    select.value = 'p-li';
    select.dispatchEvent(new Event('change'));
    (document.querySelector('#finance-adjustment-amount') as HTMLInputElement).value = '0.00';
    document.querySelector<HTMLFormElement>('#finance-adjustment-form')!.requestSubmit();
    await settle();
    expect(text(document.querySelector('#finance-adjustment-amount-error'))).toBe('The amount may not be zero.');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('disputes', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows an open dispute with its entry and resolves it upheld with an adjustment in the entry\'s currency', async () => {
    const dispute = { disputeId: 'd-1', entryId: 'e-1', partnerId: 'p-li', referralId: 'r-1', status: 'OPEN', message: 'The rate should be 12%',
      openedBy: 'li', openedAt: '2026-11-20T08:00:00Z', outcome: null, note: null, adjustment: null, adjustmentEntryId: null, resolvedBy: null, resolvedAt: null };
    let open = true;
    const { ctx, calls } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/disputes': () => ({ status: 200, body: page(open ? [dispute] : []) }),
      'GET /api/commissions': () => ({ status: 200, body: page([{ entryId: 'e-1', partnerId: 'p-li', type: 'ACCRUAL', amount: money('800.00', 'CNY'),
        createdAt: '2026-11-10T00:00:00Z', occurredOn: '2026-11-10', explanation: '10% of a 8,000.00 CNY payment', hold: { reason: 'dispute', since: '2026-11-20T08:00:00Z' } }]) }),
      'POST /api/disputes/d-1/resolve': () => {
        open = false;
        return { status: 200, body: { ...dispute, status: 'RESOLVED', outcome: 'UPHELD' } };
      },
    });
    document.body.append(financeDisputesView(ctx).element);
    await settle();
    const card = document.querySelector('[data-dispute-id="d-1"]')!;
    expect(text(card.querySelector('h3'))).toBe('Dispute from 李伟咨询');
    expect(text(card)).toContain('CN¥800.00');
    expect(text(card.querySelector('label[for="finance-resolve-adjustment-d-1"]'))).toBe('Adjustment in CNY (optional)');
    (card.querySelector('#finance-resolve-outcome-d-1') as HTMLSelectElement).value = 'UPHELD';
    (card.querySelector('#finance-resolve-note-d-1') as HTMLTextAreaElement).value = 'Agreed: 12% applies';
    (card.querySelector('#finance-resolve-adjustment-d-1') as HTMLInputElement).value = '160';
    (card.querySelector('form') as HTMLFormElement).requestSubmit();
    await settle();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ outcome: 'UPHELD', note: 'Agreed: 12% applies', adjustment: { amount: '160', currency: 'CNY' } });
    expect(text(document.querySelector('[data-testid="finance-dispute-outcome"]'))).toBe('Dispute resolved; the partner is told.');
    expect(text(document.querySelector('#finance-dispute-list'))).toBe('No open dispute.');
  });
});

describe('what we owe', () => {
  afterEach(() => document.body.replaceChildren());

  it('adds every partner\'s summary per currency, draws a chart per currency, and the forecast for all partners', async () => {
    const { ctx, calls } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/commissions/summary': (_, url) => ({ status: 200, body: url.searchParams.get('partnerId') === 'p-acme'
        ? { partnerId: 'p-acme', currencies: [{ currency: 'EUR', pending: money('100.10', 'EUR'), payable: money('200.20', 'EUR') }] }
        : { partnerId: 'p-li', currencies: [{ currency: 'EUR', pending: money('0.00', 'EUR'), payable: money('0.05', 'EUR') }] } }),
      'GET /api/forecast': () => ({ status: 200, body: { months: [
        { month: '2027-01', currency: 'EUR', payable: money('10.00', 'EUR'), fromSchedule: money('5.00', 'EUR') },
        { month: '2027-03', currency: 'EUR', payable: money('1.00', 'EUR'), fromSchedule: money('0.00', 'EUR') },
      ] } }),
    });
    const drawn: string[] = [];
    const fake = (name: string) => (canvas: HTMLCanvasElement) => {
      drawn.push(`${name}:${canvas.dataset.currency}:${canvas.getAttribute('aria-label')}`);
      return { destroy: vi.fn() } as unknown as Chart;
    };
    document.body.append(financeLiabilityView(ctx, { liability: fake('owed'), forecast: fake('forecast') }).element);
    await settle();
    expect(calls.map((c) => c.path)).toContain('/api/forecast?months=12');
    const row = document.querySelector('#finance-owed-table tbody tr[data-currency="EUR"]')!;
    expect([...row.children].map(text)).toEqual(['EUR', '€200.25', '€100.10', '€300.35', '2']);
    expect(drawn[0]).toBe('owed:EUR:Bar chart of what is owed in EUR: €200.25 payable now and €100.10 on hold. The same figures are in the table below.');
    expect(drawn[1]).toMatch(/^forecast:EUR:Bar chart of the commission forecast in EUR from Jan 2027 to Mar 2027/);
    expect([...document.querySelectorAll('#finance-forecast-EUR-table tbody tr')].map((r) => text(r.children[0])))
      .toEqual(['Jan 2027', 'Feb 2027', 'Mar 2027']);
    expect([...document.querySelectorAll('#finance-owed-partner-table tbody tr')].map((r) => text(r.children[0])))
      .toEqual(['Acme Conseil', '李伟咨询']);
  });
});

describe('holds from a partner\'s ledger', () => {
  afterEach(() => document.body.replaceChildren());

  it('holds a free entry with a reason, and says in words why a disputed entry cannot be released', async () => {
    const entries = [
      { entryId: 'e-free', partnerId: 'p-acme', type: 'ADJUSTMENT', amount: money('50.00', 'EUR'), createdAt: '2026-12-01T10:00:00Z', occurredOn: '2026-12-01', payableAt: '2026-12-01', hold: null },
      { entryId: 'e-disputed', partnerId: 'p-acme', type: 'ACCRUAL', amount: money('300.00', 'EUR'), rate: '0.1', createdAt: '2026-11-01T10:00:00Z', occurredOn: '2026-11-01', payableAt: '2026-11-15', hold: { reason: 'dispute d-1', since: '2026-11-20T08:00:00Z' } },
    ];
    const { ctx, calls } = fakeApi({
      'GET /api/partners': () => ({ status: 200, body: page(PARTNERS) }),
      'GET /api/commissions/summary': () => ({ status: 200, body: { partnerId: 'p-acme', currencies: [{ currency: 'EUR', pending: money('300.00', 'EUR'), payable: money('50.00', 'EUR') }] } }),
      'GET /api/commissions': () => ({ status: 200, body: page(entries) }),
      'POST /api/commissions/e-free/hold': () => ({ status: 200, body: { ...entries[0], hold: { reason: 'Checking', since: '2026-12-01T11:00:00Z' } } }),
      'POST /api/commissions/e-disputed/release': () => ({ status: 409, body: { type: `${PROBLEM}dispute-open`, title: 'Dispute open', status: 409 } }),
    });
    document.body.append(financeLedgerView(ctx).element);
    await settle();
    expect(text(document.querySelector('#finance-ledger-summary'))).toContain('Choose a partner to see the ledger.');
    const select = document.querySelector<HTMLSelectElement>('[data-testid="finance-ledger-partner-select"]')!;
    select.value = 'p-acme';
    select.dispatchEvent(new Event('change'));
    await settle();
    const rows = [...document.querySelectorAll('#finance-ledger-table tbody tr')];
    expect(rows.map((row) => [text(row.children[1]), row.getAttribute('data-held')])).toEqual([['Adjustment', 'false'], ['Earned', 'true']]);
    expect(text(rows[0].children[5])).toBe('Free');
    expect(text(rows[1].children[5])).toMatch(/^Held since .*2026.*dispute d-1$/);
    click('[data-testid="finance-hold-confirm-e-free"]');
    await settle();
    expect(calls.some((c) => c.method === 'POST')).toBe(false); // a reason is needed first
    expect(text(document.querySelector('#finance-hold-reason-e-free-error'))).toBe('This field is required.');
    (document.querySelector('#finance-hold-reason-e-free') as HTMLInputElement).value = 'Checking the client payment';
    click('[data-testid="finance-hold-confirm-e-free"]');
    await settle();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/commissions/e-free/hold', body: { reason: 'Checking the client payment' } });
    expect(text(document.querySelector('[data-testid="finance-hold-outcome"]'))).toBe('Entry held: it stays out of payout batches.');

    (document.querySelector('#finance-release-reason-e-disputed') as HTMLInputElement).value = 'Settled';
    click('[data-testid="finance-release-confirm-e-disputed"]');
    await settle();
    const outcome = document.querySelector('[data-testid="finance-hold-outcome"]')!;
    expect(outcome.getAttribute('data-problem')).toBe('dispute-open');
    expect(text(outcome.querySelector('.problem-message'))).toBe('This entry is held by an open dispute: resolve the dispute to release it.');
  });
});
