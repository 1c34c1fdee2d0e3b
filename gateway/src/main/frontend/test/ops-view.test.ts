// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api/client';
import type { AppContext } from '../src/app-context';
import type { DealReferral } from '../src/api/ops-types';
import { i18n } from '../src/i18n/i18n';
import { opsView } from '../src/views/ops';
import { opsPartnersView } from '../src/views/ops-partners';
import { listFieldError } from '../src/views/ops-common';
import { readableTimeline } from '../src/views/timeline-view';

const ALICE = { partnerId: '11111111-aaaa-4aaa-8aaa-111111111111', name: 'Alice Advisory', email: 'alice@example.com', language: 'en', parentPartnerId: null, createdAt: '2026-11-01T12:00:00Z' };
const BOB = { partnerId: '22222222-bbbb-4bbb-8bbb-222222222222', name: 'Bob Consulting', email: 'bob@example.com', language: 'fr', parentPartnerId: ALICE.partnerId, createdAt: '2026-11-02T12:00:00Z' };
const EUR = (amount: string) => ({ amount, currency: 'EUR' });

function referral(overrides: Partial<DealReferral> = {}): DealReferral {
  return {
    referralId: 'R-1', partnerId: ALICE.partnerId, client: { company: 'Acme Ltd', contactName: 'Li Wei', contactEmail: 'li@acme.example' },
    description: 'Shop', status: 'QUALIFIED', estimatedValue: EUR('80000.00'), contractValue: null, cashReceived: null, refunded: null,
    shares: [{ partnerId: ALICE.partnerId, share: '1' }], schedule: [], amendments: [],
    timeline: [
      { at: '2026-12-01T10:00:00Z', type: 'submitted', summary: 'Submitted for Acme Ltd (contact Li Wei)', details: { company: 'Acme Ltd', contactName: 'Li Wei' } },
      { at: '2026-12-01T11:00:00Z', type: 'qualified', summary: 'Qualified' },
    ],
    createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T11:00:00Z',
    ...overrides,
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});

interface Call { method: string; url: string; body: unknown }

/** An API that answers by path; every call is recorded. */
function api(answers: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (url: string, init: RequestInit) => {
    const call = { method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const answer = answers(call);
    if (answer) {
      return answer;
    }
    if (url.startsWith('/api/partners?')) {
      return json(200, { items: [ALICE, BOB], page: 0, size: 200, total: 2 });
    }
    if (url.startsWith('/api/referrals?')) {
      const status = new URL(url, 'http://x').searchParams.get('status');
      const items = status === 'QUALIFIED' ? [referral()] : [];
      return json(200, { items, page: 0, size: 200, total: items.length });
    }
    if (url === '/api/referrals/R-1') {
      return json(200, referral());
    }
    return json(404, { type: 'https://docs.rapport.example/problems/not-found', title: 'Not found', status: 404 });
  });
  const client = new ApiClient(() => undefined, fetchImpl as unknown as typeof fetch);
  const ctx = { api: client, claims: { sub: 'ops', roles: ['OPS'], partnerId: null, exp: null }, notifications: null, announce: () => undefined } as unknown as AppContext;
  return { ctx, calls };
}

const submit = (form: Element | null) => form?.dispatchEvent(new Event('submit', { cancelable: true }));
const type = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('the operations pipeline', () => {
  afterEach(() => {
    i18n.set('en', false);
    document.body.replaceChildren();
  });

  it('shows referrals on a board by status, named by client and partner name, never by id', async () => {
    const { ctx, calls } = api(() => undefined);
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"]')).not.toBeNull());
    const column = document.querySelector('.board-column[data-status="QUALIFIED"]');
    expect(column?.textContent).toContain('Acme Ltd');
    expect(column?.textContent).toContain('Alice Advisory');
    expect(document.querySelector('#ops-board')?.textContent).not.toContain(ALICE.partnerId);
    expect(document.querySelectorAll('.board-column')).toHaveLength(8);
    expect(calls.filter((c) => c.url.startsWith('/api/referrals?')).map((c) => new URL(c.url, 'http://x').searchParams.get('status')))
      .toEqual(['SUBMITTED', 'QUALIFIED', 'QUOTED', 'CONTRACTED', 'DELIVERED', 'COMPLETED', 'REJECTED', 'LOST']);
  });

  it('narrows the board as the user types a client or partner name', async () => {
    const { ctx } = api(() => undefined);
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"]')).not.toBeNull());
    type(document.querySelector<HTMLInputElement>('#ops-search') as HTMLInputElement, 'bob');
    expect(document.querySelector('#ops-board li[data-referral-id="R-1"]')).toBeNull();
    type(document.querySelector<HTMLInputElement>('#ops-search') as HTMLInputElement, 'alice acme');
    expect(document.querySelector('#ops-board li[data-referral-id="R-1"]')).not.toBeNull();
  });

  it('opens a referral with its timeline written for the reader, and credits another partner chosen by name', async () => {
    const { ctx, calls } = api((call) => call.url.endsWith('/reassign')
      ? json(200, referral({ partnerId: BOB.partnerId, shares: [{ partnerId: BOB.partnerId, share: '1' }] })) : undefined);
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"] button')).not.toBeNull());
    (document.querySelector('#ops-board li[data-referral-id="R-1"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-detail-heading')).not.toBeNull());
    expect(document.querySelector('#ops-detail .timeline')?.textContent).toContain('Referred Acme Ltd (contact: Li Wei).');
    expect(document.querySelector('#ops-detail .timeline')?.textContent).not.toContain('Submitted for');

    const form = document.querySelector('#ops-action-reassign') as HTMLFormElement;
    type(form.querySelector('#ops-reassign-partner-search') as HTMLInputElement, 'bob');
    const select = form.querySelector('#ops-reassign-partner') as HTMLSelectElement;
    expect(select.value).toBe(BOB.partnerId);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose a partner…', 'Bob Consulting — bob@example.com']);
    (form.querySelector('#ops-reassign-reason') as HTMLTextAreaElement).value = 'introduced by Bob';
    submit(form);
    await vi.waitFor(() => expect(calls.some((c) => c.url.endsWith('/reassign'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/reassign'))?.body).toEqual({ partnerId: BOB.partnerId, reason: 'introduced by Bob' });
  });

  it('shares the credit from rows of partners and shares, and puts the API\'s errors on the row they belong to', async () => {
    const { ctx, calls } = api((call) => call.url.endsWith('/split') ? json(400, {
      type: 'https://docs.rapport.example/problems/validation-failed', title: 'Invalid request', status: 400,
      errors: [{ field: 'shares[1].share', message: 'must be at most 1' }],
    }) : undefined);
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"] button')).not.toBeNull());
    (document.querySelector('#ops-board li[data-referral-id="R-1"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-action-split')).not.toBeNull());
    const form = document.querySelector('#ops-action-split') as HTMLFormElement;
    const rows = form.querySelectorAll('.row-editor-row');
    expect(rows).toHaveLength(2);
    (rows[0].querySelector('input[name="share"]') as HTMLInputElement).value = '0.60';
    type(rows[1].querySelector('input[name="search"]') as HTMLInputElement, 'Bob');
    (rows[1].querySelector('input[name="share"]') as HTMLInputElement).value = '1.40';
    submit(form);
    await vi.waitFor(() => expect(form.querySelector('.form-message.error')).not.toBeNull());
    expect(calls.find((c) => c.url.endsWith('/split'))?.body).toEqual({
      shares: [{ partnerId: ALICE.partnerId, share: '0.60' }, { partnerId: BOB.partnerId, share: '1.40' }],
    });
    expect(rows[1].querySelector('.field-error')?.textContent).toBe('must be at most 1');
    expect(rows[1].querySelector('input[name="share"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('signs a contract with the client\'s instalments in the contract currency', async () => {
    const { ctx, calls } = api((call) => call.url.endsWith('/contract') ? json(200, referral({ status: 'CONTRACTED', contractValue: EUR('10000.00') })) : undefined);
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"] button')).not.toBeNull());
    (document.querySelector('#ops-board li[data-referral-id="R-1"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-action-contract')).not.toBeNull());
    const form = document.querySelector('#ops-action-contract') as HTMLFormElement;
    (form.querySelector('#ops-contract-amount') as HTMLInputElement).value = '10000.00';
    const row = form.querySelector('.row-editor-row') as HTMLElement;
    (row.querySelector('input[name="name"]') as HTMLInputElement).value = 'Deposit';
    (row.querySelector('input[name="dueDate"]') as HTMLInputElement).value = '2027-01-15';
    (row.querySelector('input[name="amount"]') as HTMLInputElement).value = '10000.00';
    submit(form);
    await vi.waitFor(() => expect(calls.some((c) => c.url.endsWith('/contract'))).toBe(true));
    const body = calls.find((c) => c.url.endsWith('/contract'))?.body as Record<string, unknown>;
    expect(body.contractValue).toEqual(EUR('10000.00'));
    expect(body.schedule).toEqual([{ name: 'Deposit', dueDate: '2027-01-15', amount: EUR('10000.00') }]);
  });

  it('refuses an incomplete instalment in the page, before asking the API', async () => {
    const { ctx, calls } = api(() => undefined);
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"] button')).not.toBeNull());
    (document.querySelector('#ops-board li[data-referral-id="R-1"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-action-contract')).not.toBeNull());
    const form = document.querySelector('#ops-action-contract') as HTMLFormElement;
    (form.querySelector('#ops-contract-amount') as HTMLInputElement).value = '10000.00';
    (form.querySelector('.row-editor-row input[name="name"]') as HTMLInputElement).value = 'Deposit';
    submit(form);
    await vi.waitFor(() => expect(form.querySelector('.row-editor-row .field-error:not([hidden])')).not.toBeNull());
    expect(form.querySelector('.row-editor-row .field-error')?.textContent).toBe('Instalment 1 needs a name, a due date and an amount.');
    expect(calls.some((c) => c.url.endsWith('/contract'))).toBe(false);
  });

  it('replaces the schedule with what is still unpaid, by PUT', async () => {
    const contracted = referral({ status: 'CONTRACTED', contractValue: EUR('12000.00'), cashReceived: EUR('3000.00'), refunded: EUR('0.00'),
      schedule: [{ name: 'Deposit', dueDate: '2027-01-15', amount: EUR('3000.00') }, { name: 'Balance', dueDate: '2027-03-01', amount: EUR('7000.00') }] });
    const { ctx, calls } = api((call) => {
      if (call.url === '/api/referrals/R-1') {
        return json(200, contracted);
      }
      return call.url.endsWith('/schedule') ? json(200, contracted) : undefined;
    });
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"] button')).not.toBeNull());
    (document.querySelector('#ops-board li[data-referral-id="R-1"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-action-schedule')).not.toBeNull());
    expect(document.querySelector('#ops-schedule-table')?.textContent).toContain('€7,000.00');
    const form = document.querySelector('#ops-action-schedule') as HTMLFormElement;
    expect(form.textContent).toContain('what the client has not paid yet, €9,000.00.');
    const row = form.querySelector('.row-editor-row') as HTMLElement;
    (row.querySelector('input[name="name"]') as HTMLInputElement).value = 'Balance';
    (row.querySelector('input[name="dueDate"]') as HTMLInputElement).value = '2027-04-01';
    (row.querySelector('input[name="amount"]') as HTMLInputElement).value = '9000.00';
    submit(form);
    await vi.waitFor(() => expect(calls.some((c) => c.url.endsWith('/schedule'))).toBe(true));
    const call = calls.find((c) => c.url.endsWith('/schedule'));
    expect(call?.method).toBe('PUT');
    expect(call?.body).toEqual({ schedule: [{ name: 'Balance', dueDate: '2027-04-01', amount: EUR('9000.00') }] });
  });

  it('says an amendment below the cash received in operations words', async () => {
    const contracted = referral({ status: 'CONTRACTED', contractValue: EUR('10000.00'), cashReceived: EUR('4000.00'), refunded: EUR('0.00') });
    const { ctx, calls } = api((call) => {
      if (call.url === '/api/referrals/R-1') {
        return json(200, contracted);
      }
      return call.url.endsWith('/amendments') ? json(409, {
        type: 'https://docs.rapport.example/problems/amendment-below-cash', title: 'Amendment below cash', status: 409, detail: 'x',
      }) : undefined;
    });
    document.body.append(opsView(ctx).element);
    await vi.waitFor(() => expect(document.querySelector('#ops-board li[data-referral-id="R-1"] button')).not.toBeNull());
    (document.querySelector('#ops-board li[data-referral-id="R-1"] button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-action-amendment')).not.toBeNull());
    const form = document.querySelector('#ops-action-amendment') as HTMLFormElement;
    (form.querySelector('#ops-amendment-direction') as HTMLSelectElement).value = 'down';
    (form.querySelector('#ops-amendment-amount') as HTMLInputElement).value = '7000.00';
    (form.querySelector('#ops-amendment-reason') as HTMLTextAreaElement).value = 'smaller scope';
    submit(form);
    await vi.waitFor(() => expect(form.querySelector('.form-message.error')).not.toBeNull());
    expect((calls.find((c) => c.url.endsWith('/amendments'))?.body as { delta: unknown }).delta).toEqual(EUR('-7000.00'));
    expect(form.querySelector('.problem-message')?.textContent).toBe('The contract cannot go below what the client has already paid, nor to zero.');
  });
});

describe('operations\' partners', () => {
  afterEach(() => document.body.replaceChildren());

  it('finds partners by name, shows one with its plan and referrals, and invites a person by e-mail', async () => {
    const { ctx, calls } = api((call) => {
      if (call.url === `/api/partners/${BOB.partnerId}`) {
        return json(200, BOB);
      }
      if (call.url === `/api/partner-plans/${BOB.partnerId}`) {
        return json(200, { partnerId: BOB.partnerId, planId: 'gold' });
      }
      if (call.url === '/api/commission-plans/gold') {
        return json(200, { planId: 'gold', version: 3, tiers: [{ fromContracts: 1, rate: '0.10' }, { fromContracts: 3, rate: '0.12' }], overrideRate: '0.02', capPerReferral: [], holdDays: 30, minimumPayout: [] });
      }
      if (call.url === '/auth/invitations') {
        return json(201, { partnerId: BOB.partnerId, email: 'jo@bob.example', language: 'fr', invitedBy: 'ops', createdAt: '2026-12-01T12:00:00Z', expiresAt: '2026-12-04T12:00:00Z' });
      }
      return undefined;
    });
    document.body.append(opsPartnersView(ctx).element);
    await vi.waitFor(() => expect(document.querySelectorAll('#ops-partners-table tbody tr')).toHaveLength(2));
    type(document.querySelector('#ops-partners-search') as HTMLInputElement, 'consult');
    const rows = document.querySelectorAll('#ops-partners-table tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Alice Advisory');
    (rows[0].querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('#ops-plan-tiers')).not.toBeNull());
    expect(document.querySelector('#ops-partner-plan')?.textContent).toContain('gold');
    expect(document.querySelector('#ops-plan-tiers')?.textContent).toContain('Contracts 1 to 2');
    expect(document.querySelector('#ops-plan-tiers')?.textContent).toContain('12%');
    const invite = document.querySelector('#ops-invite') as HTMLFormElement;
    expect((invite.querySelector('#ops-invite-email') as HTMLInputElement).value).toBe('bob@example.com');
    (invite.querySelector('#ops-invite-email') as HTMLInputElement).value = 'jo@bob.example';
    submit(invite);
    await vi.waitFor(() => expect(invite.querySelector('.form-message.success')).not.toBeNull());
    expect(calls.find((c) => c.url === '/auth/invitations')?.body).toEqual({ partnerId: BOB.partnerId, email: 'jo@bob.example' });
    expect(invite.querySelector('.form-message')?.textContent).toContain('An invitation went to jo@bob.example.');
  });

  it('registers a partner introduced by another one, picked by name', async () => {
    const created = { ...BOB, partnerId: '33333333-cccc-4ccc-8ccc-333333333333', name: 'Chen Partners', email: 'chen@example.com', language: 'zh', parentPartnerId: ALICE.partnerId };
    const { ctx, calls } = api((call) => {
      if (call.method === 'POST' && call.url === '/api/partners') {
        return json(201, created);
      }
      return call.url === `/api/partners/${created.partnerId}` ? json(200, created) : undefined;
    });
    document.body.append(opsPartnersView(ctx).element);
    await vi.waitFor(() => expect(document.querySelectorAll('#ops-partners-table tbody tr')).toHaveLength(2));
    const form = document.querySelector('#ops-register') as HTMLFormElement;
    (form.querySelector('#ops-register-name') as HTMLInputElement).value = 'Chen Partners';
    (form.querySelector('#ops-register-email') as HTMLInputElement).value = 'chen@example.com';
    (form.querySelector('#ops-register-language') as HTMLSelectElement).value = 'zh';
    type(form.querySelector('#ops-register-parent-search') as HTMLInputElement, 'alice');
    submit(form);
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/partners')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/partners')?.body)
      .toEqual({ name: 'Chen Partners', email: 'chen@example.com', language: 'zh', parentPartnerId: ALICE.partnerId });
    await vi.waitFor(() => expect(document.querySelectorAll('#ops-partners-table tbody tr')).toHaveLength(3));
  });
});

describe('list field errors', () => {
  it('finds the row and field of schedule[1].amount, shares.0.share and the list itself', () => {
    expect(listFieldError('schedule[1].amount', 'schedule')).toEqual({ row: 1, field: 'amount' });
    expect(listFieldError('shares.0.share', 'shares')).toEqual({ row: 0, field: 'share' });
    expect(listFieldError('schedule', 'schedule')).toEqual({ row: null, field: null });
    expect(listFieldError('contractValue', 'schedule')).toBeNull();
  });
});

describe('the timeline on the page', () => {
  it('keeps the order things happened in, whatever the number of fraction digits of the instants', () => {
    const at = '2026-12-01T12:00:00Z';
    const list = readableTimeline([
      { at: '2026-12-02T00:56:05.12Z', type: 'contract-signed', details: { contractValue: EUR('10.00'), on: at } },
      { at: '2026-12-02T00:56:05.12Z', type: 'schedule-set', details: { schedule: [] } },
      { at: '2026-12-02T00:56:05.1Z', type: 'qualified' },
      { at: '2026-12-02T00:56:06Z', type: 'payment-received', details: { kind: 'DEPOSIT', amount: EUR('1.00'), on: at, netCash: EUR('1.00') } },
    ]);
    expect([...list.querySelectorAll('li')].map((li) => li.getAttribute('data-type')))
      .toEqual(['qualified', 'contract-signed', 'schedule-set', 'payment-received']);
  });
});
