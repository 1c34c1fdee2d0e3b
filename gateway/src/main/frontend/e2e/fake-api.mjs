// DEVELOPMENT ONLY: a small in-memory stand-in for the gateway and the three services, so the portal and the
// journey script can be worked on before the real stack runs. It is not the contract and not a test of it: the
// real check is e2e/portal-journey.mjs against the running local stack.
//
//   npm run build && node e2e/fake-api.mjs          (serves ../../../target/classes/static and the API on :8090)
//   PORTAL_URL=http://localhost:8090 SCREENSHOT_DIR=e2e/out node e2e/portal-journey.mjs
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.FAKE_API_PORT ?? 8090);
const STATIC = fileURLToPath(new URL('../../../../target/classes/static/', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const PROBLEMS = 'https://docs.rapport.example/problems/';
const RATE = 0.1;

const users = new Map([
  ['admin', { password: 'admin-dev-password', roles: ['ADMIN'] }],
  ['ops', { password: 'ops-dev-password', roles: ['OPS'] }],
  ['finance', { password: 'finance-dev-password', roles: ['FINANCE'] }],
]);
const refreshTokens = new Map();
const partners = new Map();
const referrals = new Map();
const ledger = [];
const notifications = [];
const preferences = new Map();
const streams = new Set();

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
function tokenFor(username) {
  const user = users.get(username);
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: username, roles: user.roles, partnerId: user.partnerId, iat: now, exp: now + 900 })}.fake`;
}
function callerOf(req) {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!match) return null;
  try {
    const payload = JSON.parse(Buffer.from(match[1].split('.')[1], 'base64url').toString());
    return payload.exp * 1000 > Date.now() ? payload : null;
  } catch {
    return null;
  }
}
const is = (caller, role) => caller.roles.includes(role) || caller.roles.includes('ADMIN');

class Problem extends Error {
  constructor(status, slug, title, detail, extra = {}) {
    super(detail);
    Object.assign(this, { status, slug, title, detail, extra });
  }
}
const notFound = (what) => new Problem(404, 'not-found', 'Not found', `${what} not found`);

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
function sendProblem(res, problem, instance) {
  res.writeHead(problem.status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: PROBLEMS + problem.slug, title: problem.title, status: problem.status, detail: problem.detail, instance, ...problem.extra }));
}
async function bodyOf(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem(400, 'malformed-request', 'Malformed request', 'the body is not JSON');
  }
}
const page = (items, url) => {
  const p = Number(url.searchParams.get('page') ?? 0);
  const size = Number(url.searchParams.get('size') ?? 50);
  return { items: items.slice(p * size, p * size + size), page: p, size, total: items.length };
};
function validation(errors) {
  if (errors.length) throw new Problem(400, 'validation-failed', 'Invalid request', 'the request has invalid fields', { errors });
}
function money(value, field, errors) {
  if (!value || !/^\d+(\.\d{1,2})?$/.test(String(value.amount)) || !/^[A-Z]{3}$/.test(value.currency ?? '')) {
    errors.push({ field, message: 'must be a positive amount with a currency' });
    return null;
  }
  return { amount: Number(value.amount).toFixed(value.currency === 'JPY' ? 0 : 2), currency: value.currency };
}

const EVENT_SUBJECTS = {
  submitted: 'Referral received: {c}', qualified: '{c} is qualified', quoted: 'Quote sent to {c}', 'contract-signed': 'Contract signed with {c}',
  'payment-received': 'Payment received from {c}', 'milestone-reached': '{c}: milestone reached', delivered: 'Project delivered to {c}',
  completed: 'Project completed: {c}', lost: 'Referral lost: {c}', rejected: 'Referral not accepted: {c}', 'refund-issued': 'Refund issued to {c}',
};
function notify(referral, type, summary) {
  const subject = (EVENT_SUBJECTS[type] ?? type).replace('{c}', referral.client.company);
  const notification = {
    notificationId: randomUUID(), partnerId: referral.partnerId, referralId: referral.referralId,
    eventType: `rapport.referral.${type}.v1`, language: partners.get(referral.partnerId)?.language ?? 'en',
    subject, body: summary, createdAt: new Date().toISOString(), deliveries: [{ channel: 'FEED', status: 'SENT', attempts: 1, lastError: null }],
  };
  notifications.unshift(notification);
  // like the real system, the notification travels through Kafka: a moment later
  setTimeout(() => {
    for (const stream of streams) {
      if (stream.partnerId === notification.partnerId) {
        stream.res.write(`id:${notification.notificationId}\nevent:notification\ndata:${JSON.stringify(notification)}\n\n`);
      }
    }
  }, 300);
}
function record(referral, type, summary, status) {
  const at = new Date().toISOString();
  referral.timeline.push({ at, type, summary, partnerId: referral.partnerId });
  if (status) referral.status = status;
  referral.updatedAt = at;
  notify(referral, type, summary);
}
const normal = (company) => company.trim().toLowerCase().replace(/\s+/g, ' ');

const ACTIONS = {
  qualify: { from: ['SUBMITTED'], apply: (r) => record(r, 'qualified', 'Qualified', 'QUALIFIED') },
  reject: { from: ['SUBMITTED', 'QUALIFIED'], apply: (r, b) => record(r, 'rejected', `Rejected: ${b.reason}`, 'REJECTED') },
  quote: { from: ['QUALIFIED', 'QUOTED'], apply: (r, b) => { r.quotedAmount = money(b.amount, 'amount', []); record(r, 'quoted', `Quoted ${b.amount.amount} ${b.amount.currency}`, 'QUOTED'); } },
  contract: {
    from: ['QUALIFIED', 'QUOTED'],
    apply: (r, b) => {
      const errors = [];
      r.contractValue = money(b.contractValue, 'contractValue', errors);
      if (!b.signedAt) errors.push({ field: 'signedAt', message: 'must not be null' });
      validation(errors);
      r.cashReceived = { amount: '0.00', currency: r.contractValue.currency };
      record(r, 'contract-signed', `Contract signed: ${r.contractValue.amount} ${r.contractValue.currency}`, 'CONTRACTED');
    },
  },
  milestones: { from: ['CONTRACTED'], apply: (r, b) => record(r, 'milestone-reached', `Milestone: ${b.name}`) },
  payments: {
    from: ['CONTRACTED', 'DELIVERED'],
    apply: (r, b) => {
      const errors = [];
      const amount = money(b.amount, 'amount', errors);
      validation(errors);
      if (amount.currency !== r.contractValue.currency) throw new Problem(409, 'currency-mismatch', 'Currency mismatch', 'the payment currency is not the contract currency');
      const received = Number(r.cashReceived.amount) + Number(amount.amount);
      if (received > Number(r.contractValue.amount)) throw new Problem(409, 'payments-exceed-contract', 'Payments exceed contract', 'payments may not add up to more than the contract value');
      r.cashReceived = { amount: received.toFixed(2), currency: amount.currency };
      record(r, 'payment-received', `Payment received: ${amount.amount} ${amount.currency}`);
      // commission-service computes the accrual from the same event, a little later than the notification
      setTimeout(() => {
        const commission = (Number(amount.amount) * RATE).toFixed(2);
        const payableAt = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
        ledger.push({
          entryId: randomUUID(), partnerId: r.partnerId, referralId: r.referralId, role: 'INTRODUCER', type: 'ACCRUAL',
          amount: { amount: commission, currency: amount.currency }, rate: '0.10', basis: amount, payableAt,
          createdAt: new Date().toISOString(), occurredOn: b.receivedAt.slice(0, 10), sourceEventId: randomUUID(),
          explanation: `10% of a ${amount.amount} ${amount.currency} payment received ${b.receivedAt.slice(0, 10)}`,
        });
      }, 800);
    },
  },
  deliver: { from: ['CONTRACTED'], apply: (r) => record(r, 'delivered', 'Delivered', 'DELIVERED') },
  complete: { from: ['DELIVERED'], apply: (r) => record(r, 'completed', 'Completed', 'COMPLETED') },
  lose: { from: ['SUBMITTED', 'QUALIFIED', 'QUOTED', 'CONTRACTED', 'DELIVERED'], apply: (r, b) => record(r, 'lost', `Lost: ${b.reason}`, 'LOST') },
};

async function api(req, res, url, caller) {
  const path = url.pathname;
  const method = req.method;
  if (path === '/api/partners' && method === 'POST') {
    if (!is(caller, 'OPS')) throw new Problem(403, 'forbidden', 'Forbidden', 'needs OPS');
    const body = await bodyOf(req);
    const partner = { partnerId: randomUUID(), name: body.name, email: body.email, language: body.language ?? 'en', parentPartnerId: body.parentPartnerId ?? null, createdAt: new Date().toISOString() };
    partners.set(partner.partnerId, partner);
    return send(res, 201, partner);
  }
  if (path === '/api/partners/me') {
    const partner = partners.get(caller.partnerId);
    if (!partner) throw notFound('partner');
    return send(res, 200, partner);
  }
  if (path === '/api/referrals' && method === 'POST') {
    const body = await bodyOf(req);
    const partnerId = caller.partnerId ?? body.partnerId;
    const errors = [];
    if (!body.client?.company?.trim()) errors.push({ field: 'client.company', message: 'must not be blank' });
    if (!body.client?.contactName?.trim()) errors.push({ field: 'client.contactName', message: 'must not be blank' });
    if (!/^[^@\s]+@[^@\s]+$/.test(body.client?.contactEmail ?? '')) errors.push({ field: 'client.contactEmail', message: 'must be a well-formed email address' });
    if (!body.description?.trim()) errors.push({ field: 'description', message: 'must not be blank' });
    const estimatedValue = body.estimatedValue ? money(body.estimatedValue, 'estimatedValue', errors) : null;
    validation(errors);
    if (partners.get(partnerId)?.email.toLowerCase() === body.client.contactEmail.toLowerCase()) {
      throw new Problem(409, 'self-referral', 'Self referral', 'the client contact email is the referring partner\'s own email');
    }
    for (const other of referrals.values()) {
      if (normal(other.client.company) === normal(body.client.company) || other.client.contactEmail.toLowerCase() === body.client.contactEmail.toLowerCase()) {
        throw new Problem(409, 'duplicate-referral', 'Duplicate referral', 'this client (same company name or contact email) was already referred: that referral is still open or was submitted less than 180 days ago');
      }
    }
    const now = new Date().toISOString();
    const referral = {
      referralId: randomUUID(), partnerId, client: body.client, description: body.description, status: 'SUBMITTED',
      estimatedValue, quotedAmount: null, contractValue: null, cashReceived: null, refunded: null, timeline: [], createdAt: now, updatedAt: now,
    };
    referrals.set(referral.referralId, referral);
    record(referral, 'submitted', `Referred by ${partnerId}`);
    return send(res, 201, referral, { Location: `/api/referrals/${referral.referralId}` });
  }
  if (path === '/api/referrals' && method === 'GET') {
    const status = url.searchParams.get('status');
    const partnerId = url.searchParams.get('partnerId');
    const visible = [...referrals.values()].filter((r) => (caller.partnerId ? r.partnerId === caller.partnerId : true)
      && (!status || r.status === status) && (!partnerId || r.partnerId === partnerId));
    return send(res, 200, page(visible, url));
  }
  const referralMatch = /^\/api\/referrals\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
  if (referralMatch) {
    const referral = referrals.get(referralMatch[1]);
    if (!referral || (caller.partnerId && referral.partnerId !== caller.partnerId)) throw notFound('referral');
    if (!referralMatch[2] && method === 'GET') return send(res, 200, referral);
    const action = ACTIONS[referralMatch[2]];
    if (!action || method !== 'POST') throw notFound('endpoint');
    if (!is(caller, 'OPS')) throw new Problem(403, 'forbidden', 'Forbidden', 'needs OPS');
    const body = await bodyOf(req);
    if (!action.from.includes(referral.status)) {
      throw new Problem(409, 'illegal-transition', 'Illegal transition',
        `cannot ${referralMatch[2]} a referral that is ${referral.status}; allowed only from ${action.from}`,
        { currentStatus: referral.status, allowedStatuses: action.from });
    }
    action.apply(referral, body);
    return send(res, referralMatch[2] === 'payments' || referralMatch[2] === 'milestones' ? 201 : 200, referral);
  }
  if (path === '/api/commissions/summary') {
    const partnerId = caller.partnerId ?? url.searchParams.get('partnerId');
    const currencies = [...new Set(ledger.filter((e) => e.partnerId === partnerId).map((e) => e.amount.currency))].map((currency) => {
      const mine = ledger.filter((e) => e.partnerId === partnerId && e.amount.currency === currency);
      const sum = (entries) => ({ amount: entries.reduce((s, e) => s + Number(e.amount.amount), 0).toFixed(2), currency });
      const today = new Date().toISOString().slice(0, 10);
      return {
        currency, accrued: sum(mine.filter((e) => e.type === 'ACCRUAL')), reversed: sum([]), paid: sum([]),
        pending: sum(mine.filter((e) => e.payableAt > today)), payable: sum(mine.filter((e) => e.payableAt <= today)),
        balance: sum(mine), projected: sum([]),
      };
    });
    return send(res, 200, { partnerId, currencies });
  }
  if (path === '/api/commissions') {
    const partnerId = caller.partnerId ?? url.searchParams.get('partnerId');
    return send(res, 200, page(ledger.filter((e) => !partnerId || e.partnerId === partnerId), url));
  }
  if (path === '/api/forecast') {
    // a rough stand-in: entries by the month of payableAt, and 10 % of a contract's unpaid rest three months out
    const partnerId = caller.partnerId ?? url.searchParams.get('partnerId');
    const months = Number(url.searchParams.get('months') ?? 12);
    const today = new Date().toISOString().slice(0, 10);
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    const monthAt = (offset) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
    const sums = new Map();
    const add = (month, currency, column, amount) => {
      const key = `${currency} ${month}`;
      const row = sums.get(key) ?? { month, currency, payable: 0, fromSchedule: 0 };
      row[column] += amount;
      sums.set(key, row);
    };
    for (const e of ledger.filter((x) => x.partnerId === partnerId && x.type !== 'PAYOUT' && x.payableAt >= today)) {
      add(e.payableAt.slice(0, 7), e.amount.currency, 'payable', Number(e.amount.amount));
    }
    for (const r of [...referrals.values()].filter((x) => x.partnerId === partnerId && ['CONTRACTED', 'DELIVERED'].includes(x.status))) {
      const rest = Number(r.contractValue?.amount ?? 0) - Number(r.cashReceived?.amount ?? 0);
      if (rest > 0) add(monthAt(3), r.contractValue.currency, 'fromSchedule', rest * RATE);
    }
    const currencies = [...new Set([...sums.values()].map((row) => row.currency))].sort();
    const result = [];
    for (let i = 0; i < months; i++) {
      for (const currency of currencies) {
        const row = sums.get(`${currency} ${monthAt(i)}`) ?? { payable: 0, fromSchedule: 0 };
        result.push({ month: monthAt(i), currency, payable: { amount: row.payable.toFixed(2), currency }, fromSchedule: { amount: row.fromSchedule.toFixed(2), currency } });
      }
    }
    return send(res, 200, { partnerId, months: result });
  }
  const statementMatch = /^\/api\/statements\/([^/]+)$/.exec(path);
  if (statementMatch) {
    if (caller.partnerId && caller.partnerId !== statementMatch[1]) throw notFound('partner');
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    const entries = ledger.filter((e) => e.partnerId === statementMatch[1] && e.occurredOn >= from && e.occurredOn <= to);
    const currencies = [...new Set(entries.map((e) => e.amount.currency))].map((currency) => {
      const mine = entries.filter((e) => e.amount.currency === currency);
      const total = mine.reduce((sum, e) => sum + Number(e.amount.amount), 0).toFixed(2);
      const zero = { amount: '0.00', currency };
      return { currency, openingBalance: zero, accrued: { amount: total, currency }, reversed: zero, paid: zero, closingBalance: { amount: total, currency }, entries: mine };
    });
    return send(res, 200, { partnerId: statementMatch[1], from, to, currencies });
  }
  if (path === '/api/notifications/stream') {
    if (!caller.partnerId) throw new Problem(403, 'forbidden', 'Forbidden', 'the live feed belongs to a partner');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write(':connected\n\n');
    const stream = { partnerId: caller.partnerId, res };
    streams.add(stream);
    const heartbeat = setInterval(() => res.write(':heartbeat\n\n'), 15000);
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(stream);
    });
    return undefined;
  }
  if (path === '/api/notifications') {
    return send(res, 200, page(notifications.filter((n) => !caller.partnerId || n.partnerId === caller.partnerId), url));
  }
  const preferenceMatch = /^\/api\/notification-preferences\/([^/]+)$/.exec(path);
  if (preferenceMatch) {
    if (caller.partnerId && caller.partnerId !== preferenceMatch[1]) throw notFound('preferences');
    if (method === 'PUT') {
      const body = await bodyOf(req);
      if (body.webhook?.url && !/^https?:\/\//.test(body.webhook.url)) validation([{ field: 'webhook.url', message: 'must be an http(s) URL' }]);
      preferences.set(preferenceMatch[1], { ...body, partnerId: preferenceMatch[1] });
    }
    return send(res, 200, preferences.get(preferenceMatch[1]) ?? { partnerId: preferenceMatch[1], email: true, webhook: null, frequency: 'IMMEDIATE', mutedEventTypes: [], language: null, timeZone: null });
  }
  throw notFound('endpoint');
}

async function auth(req, res, url) {
  const body = await bodyOf(req);
  if (url.pathname === '/auth/token') {
    const user = users.get(body.username);
    if (!user || user.password !== body.password) throw new Problem(401, 'unauthenticated', 'Unauthenticated', 'the username or password is wrong');
    const refreshToken = randomUUID();
    refreshTokens.set(refreshToken, body.username);
    return send(res, 200, { accessToken: tokenFor(body.username), tokenType: 'Bearer', expiresIn: 900, refreshToken, refreshExpiresIn: 28800 });
  }
  if (url.pathname === '/auth/refresh') {
    const username = refreshTokens.get(body.refreshToken);
    if (!username) throw new Problem(401, 'unauthenticated', 'Unauthenticated', 'the refresh token is not valid any more');
    return send(res, 200, { accessToken: tokenFor(username), tokenType: 'Bearer', expiresIn: 900, refreshToken: body.refreshToken, refreshExpiresIn: 28800 });
  }
  if (url.pathname === '/auth/logout') {
    refreshTokens.delete(body.refreshToken);
    return send(res, 204);
  }
  if (url.pathname === '/auth/users') {
    const caller = callerOf(req);
    if (!caller) throw new Problem(401, 'unauthenticated', 'Unauthenticated', 'no valid token');
    if (!is(caller, 'OPS')) throw new Problem(403, 'forbidden', 'Forbidden', 'needs ADMIN or OPS');
    if (!body.password || body.password.length < 8) validation([{ field: 'password', message: 'must be at least 8 characters' }]);
    if (users.has(body.username)) throw new Problem(409, 'duplicate-username', 'Duplicate username', 'taken');
    users.set(body.username, { password: body.password, roles: body.roles, partnerId: body.partnerId });
    return send(res, 201, { username: body.username, roles: body.roles, partnerId: body.partnerId });
  }
  throw notFound('endpoint');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
async function staticFile(res, path) {
  const file = normalize(join(STATIC, path === '/' ? 'index.html' : path));
  if (!file.startsWith(STATIC)) throw notFound('file');
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
    res.end(content);
  } catch {
    throw notFound('file');
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  try {
    if (url.pathname.startsWith('/auth/') && req.method === 'POST') {
      await auth(req, res, url);
    } else if (url.pathname.startsWith('/api/')) {
      const caller = callerOf(req);
      if (!caller) throw new Problem(401, 'unauthenticated', 'Unauthenticated', 'no valid token');
      await api(req, res, url, caller);
    } else if (req.method === 'GET') {
      await staticFile(res, url.pathname);
    } else {
      throw notFound('endpoint');
    }
  } catch (error) {
    if (error instanceof Problem) {
      sendProblem(res, error, url.pathname);
    } else {
      console.error(error);
      sendProblem(res, new Problem(500, 'internal-error', 'Internal error', 'unexpected'), url.pathname);
    }
  }
}).listen(PORT, '127.0.0.1', () => console.log(`fake API and portal on http://127.0.0.1:${PORT} (development only)`));
