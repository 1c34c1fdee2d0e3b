/** A fake API for the account pages' rendering tests: answers per "METHOD path", and remembers every call. */
import { vi } from 'vitest';
import { ApiClient } from '../src/api/client';
import type { AppContext } from '../src/app-context';
import { sessionFrom } from '../src/auth/session';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export type Answer = Response | ((call: Call) => Response | Promise<Response>);

export const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

export const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: `https://docs.rapport.example/problems/${slug}`, title: slug, status, ...extra });

export function jwt(payload: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256' })}.${encode(payload)}.signature`;
}

/** Routes "GET /api/x" (query included) to answers; an unknown call is a 404 problem, so a wrong path shows. */
export function fakeFetch(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      path: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const answer = routes[`${call.method} ${call.path}`];
    if (!answer) {
      return problem(404, 'not-found', { detail: `no fake answer for ${call.method} ${call.path}` });
    }
    return typeof answer === 'function' ? answer(call) : answer.clone();
  });
  return { fetchImpl, calls };
}

export const PARTNER_TOKEN = jwt({ sub: 'anna', roles: ['PARTNER'], partnerId: 'P-1' });

/** What a partner's view gets, signed in as partner P-1 against the fake API. */
export function partnerContext(routes: Record<string, Answer>) {
  const fake = fakeFetch(routes);
  const api = new ApiClient(() => undefined, fake.fetchImpl as unknown as typeof fetch);
  api.use(sessionFrom({ accessToken: PARTNER_TOKEN }));
  const announce = vi.fn();
  const ctx = { api, claims: api.current!.claims, notifications: null, announce } as unknown as AppContext;
  return { ctx, ...fake, announce };
}

export const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function submit(form: Element | null): void {
  if (!form) {
    throw new Error('no form');
  }
  form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
}

export function type(selector: string, value: string): void {
  const control = document.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector);
  if (!control) {
    throw new Error(`no ${selector}`);
  }
  control.value = value;
}

export function tick(selector: string, checked: boolean): void {
  const box = document.querySelector<HTMLInputElement>(selector);
  if (!box) {
    throw new Error(`no ${selector}`);
  }
  box.checked = checked;
}
