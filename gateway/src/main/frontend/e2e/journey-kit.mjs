// What the browser journeys share: the environment, steps with screenshots on failure, axe-core, API calls, signing
// in (through the API and in the page), and waiting for something to become true. Used by portal-journey.mjs and
// back-office-journey.mjs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const PORTAL_URL = (process.env.PORTAL_URL ?? '').replace(/\/+$/, '');
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'portal-screenshots');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const TIMEOUT = Number(process.env.JOURNEY_TIMEOUT_MS ?? 30000);
export const OPS = { username: process.env.OPS_USER ?? 'ops', password: process.env.OPS_PASSWORD ?? 'ops-dev-password' };
export const ADMIN = { username: process.env.ADMIN_USER ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'admin-dev-password' };
export const FINANCE = { username: process.env.FINANCE_USER ?? 'finance', password: process.env.FINANCE_PASSWORD ?? 'finance-dev-password' };
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export class JourneyFailure extends Error {}

export function fail(message) {
  throw new JourneyFailure(message);
}

/** One journey: its name (log prefix), the pages it opened, what the browser complained about, its screenshots. */
export class Journey {
  constructor(name) {
    this.name = name;
    this.pages = [];
    this.problems = [];
    this.shot = 0;
    if (!PORTAL_URL) {
      console.error(`${name}: set PORTAL_URL to the gateway base URL, e.g. http://localhost:8080`);
      process.exit(2);
    }
  }

  log(message) {
    console.log(`${this.name}: ${message}`);
  }

  async screenshot(page, name, fullPage = true) {
    this.shot += 1;
    const file = join(SCREENSHOT_DIR, `${String(this.shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage });
    this.log(`  screenshot ${file}`);
  }

  /**
   * axe-core's WCAG 2.1 A/AA rules on the page as it is (labels, names, contrast, landmarks...); serious or critical
   * findings fail the journey. Evaluated through the debugging protocol, so the page's strict CSP stays in force.
   */
  async checkAccessibility(page, where) {
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (serious.length) {
      fail(`accessibility of ${where}: ${serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
    }
    this.log(`  accessibility of ${where}: no serious finding (${results.passes.length} rules passed)`);
  }

  /** A screenshot and the accessibility check of the page as it is now. */
  async look(page, name, where) {
    await this.screenshot(page, name);
    await this.checkAccessibility(page, where);
  }

  async step(name, action) {
    this.log(`step: ${name}`);
    try {
      return await action();
    } catch (error) {
      for (const [label, page] of this.pages) {
        try {
          await page.screenshot({ path: join(SCREENSHOT_DIR, `failure-${label}.png`), fullPage: true });
        } catch {
          // the page may be gone
        }
      }
      // our own failures say exactly what was wrong; Playwright's carry a long call log after the first lines
      const reason = error instanceof JourneyFailure ? error.message
        : error instanceof Error ? error.message.split('\n').slice(0, 4).join('\n') : String(error);
      throw new JourneyFailure(`step "${name}" failed: ${reason}`);
    }
  }

  async launch() {
    const userDataDir = mkdtempSync(join(tmpdir(), 'rapport-journey-'));
    // Playwright gives each launch its own fresh profile; this directory holds Chromium's other state (crash dumps)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...LAUNCH_ARGS, `--crash-dumps-dir=${userDataDir}`],
      env: { ...process.env, HOME: userDataDir, XDG_CONFIG_HOME: userDataDir, XDG_CACHE_HOME: userDataDir },
      headless: true,
      timeout: TIMEOUT,
    });
    return {
      browser,
      close: async () => {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  }

  async openPortal(browser, label, options = {}, path = '/') {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    this.pages.push([label, page]);
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to (execute|apply|load|connect)/i.test(text)) {
        this.problems.push(`${label}: CSP violation: ${text}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`${label}: script error: ${error.message}`));
    await page.goto(`${PORTAL_URL}${path}`);
    return page;
  }

  /** Ends the journey: exit 0 when every step passed, else the failure and exit 1. */
  finish(run) {
    run().then(
      () => {
        if (this.problems.length) {
          console.error(`${this.name}: FAILED: the browser reported:\n  ${this.problems.join('\n  ')}`);
          process.exit(1);
        }
        this.log(`PASSED (${this.shot} screenshots in ${SCREENSHOT_DIR})`);
        process.exit(0);
      },
      (error) => {
        console.error(`${this.name}: FAILED: ${error instanceof JourneyFailure ? error.message : error?.stack ?? error}`);
        process.exit(1);
      },
    );
  }
}

export async function call(method, path, body, token) {
  const response = await fetch(`${PORTAL_URL}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  }).catch((error) => fail(`cannot reach ${PORTAL_URL}${path}: ${error.cause?.message ?? error.message}`));
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { raw: text.slice(0, 300) };
  }
  return { status: response.status, json };
}

export async function eventually(what, probe, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last.ok) {
      return last.value;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`${what}: not done within ${timeout} ms (last: ${last?.reason})`);
  return undefined;
}

export async function signIn({ username, password }) {
  // sign-ins are rate-limited per address; other tests on this machine may have used the allowance
  return eventually(`POST /auth/token as ${username}`, async () => {
    const answer = await call('POST', '/auth/token', { username, password });
    if (answer.status === 200 && answer.json?.accessToken) {
      return { ok: true, value: answer.json.accessToken };
    }
    if (answer.status !== 429) {
      fail(`POST /auth/token as ${username} answered ${answer.status} ${JSON.stringify(answer.json)}`);
    }
    return { ok: false, reason: '429 too many sign-ins' };
  });
}

export async function signInInBrowser(page, { username, password }) {
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await page.locator('#login-form button[type=submit]').click();
    // whichever comes first; the other wait is left to time out quietly
    const outcome = await Promise.race([
      page.locator('header.top').waitFor().then(() => 'signed-in', () => 'timed out'),
      page.locator('#login-form-message[data-problem]').waitFor()
        .then(() => page.locator('#login-form-message').getAttribute('data-problem'), () => 'timed out'),
    ]);
    if (outcome === 'signed-in') {
      return;
    }
    if (outcome !== 'too-many-requests' || Date.now() > deadline) {
      fail(`signing in as ${username} in the page was refused: ${await page.locator('#login-form-message').innerText()}`);
    }
    await page.waitForTimeout(2000); // the page says when to retry; a short wait and another try is enough here
  }
}

/** Runs one lifecycle action of the operations view's referral detail (opening "other actions" when it is there). */
export async function opsAction(page, action, fill) {
  const form = page.locator(`#ops-action-${action}`);
  if (!(await form.isVisible())) {
    await page.locator('details.other-actions summary').click();
  }
  if (fill) {
    await fill(form);
  }
  await form.locator('button[type=submit]').click();
}
