// The partner portal's journey in a real browser (Debian's Chromium driven by playwright-core), against a running
// gateway: a partner signs in, refers a client, is refused the same client again, operations signs a contract and
// records a payment in the ops view, and the partner's open dashboard shows the new status, the commission and the
// live notification without a reload, then switches to Chinese. Screenshots of every page go to SCREENSHOT_DIR.
//
//   PORTAL_URL=http://localhost:8080 SCREENSHOT_DIR=target/portal-screenshots node e2e/portal-journey.mjs
//
// Optional: CHROMIUM (default /usr/bin/chromium), JOURNEY_TIMEOUT_MS (how long to wait for anything, default 30000),
// OPS_USER/OPS_PASSWORD, ADMIN_USER/ADMIN_PASSWORD (default the local stack's development users).
// Exits 0 when every step passed; otherwise prints which step failed and why, saves a failure-*.png, exits 1.
import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  ADMIN, Journey, OPS, PORTAL_URL, SCREENSHOT_DIR, call, eventually, fail, opsAction, signIn, signInInBrowser,
} from './journey-kit.mjs';

const journey = new Journey('portal-journey');
const log = (message) => journey.log(message);
const step = (name, action) => journey.step(name, action);
const screenshot = (page, name, fullPage) => journey.screenshot(page, name, fullPage);
const checkAccessibility = (page, where) => journey.checkAccessibility(page, where);
const openPortal = (browser, label, options) => journey.openPortal(browser, label, options);

const run = randomUUID().slice(0, 8);
const partnerEmail = `journey-${run}@partner.example`;
const partnerLogin = { username: `journey-${run}`, password: `journey-pw-${run}` };
const client = {
  company: `Journey Retail ${run}`,
  contactName: 'Li Wei',
  contactEmail: `li.${run}@client.example`,
  description: 'Mini-program for a retail chain',
};
const CONTRACT = '10000.00';
const PAYMENT = '3000.00';
const COMMISSION = '300.00'; // 10 % (tier 1 of the standard plan) of the payment

async function fillReferral(page) {
  await page.locator('#ref-company').fill(client.company);
  await page.locator('#ref-contact-name').fill(client.contactName);
  await page.locator('#ref-contact-email').fill(client.contactEmail);
  await page.locator('#ref-description').fill(client.description);
  await page.locator('#ref-amount').fill('80000');
  await page.locator('#ref-currency').selectOption('EUR');
  await page.locator('#referral-form button[type=submit]').click();
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  log(`portal ${PORTAL_URL}, screenshots in ${SCREENSHOT_DIR}, run ${run}`);

  const partner = await step('operations registers a partner and an administrator gives it a login', async () => {
    const opsToken = await signIn(OPS);
    const created = await call('POST', '/api/partners', { name: `Journey Partner ${run}`, email: partnerEmail, language: 'en' }, opsToken);
    if (created.status !== 201 || !created.json?.partnerId) {
      fail(`POST /api/partners answered ${created.status} ${JSON.stringify(created.json)}`);
    }
    const adminToken = await signIn(ADMIN);
    // the gateway checks that the partner exists; give the referral service's read side a moment if it needs it
    await eventually('POST /auth/users', async () => {
      const user = await call('POST', '/auth/users', { ...partnerLogin, roles: ['PARTNER'], partnerId: created.json.partnerId }, adminToken);
      return user.status === 201 ? { ok: true } : { ok: false, reason: `${user.status} ${JSON.stringify(user.json)}` };
    });
    return created.json;
  });
  log(`  partner ${partner.partnerId}, login ${partnerLogin.username}`);

  const { browser, close } = await journey.launch();
  try {
    const partnerPage = await openPortal(browser, 'partner');

    await step('the partner signs in', async () => {
      await partnerPage.locator('#login-form').waitFor();
      await screenshot(partnerPage, 'sign-in');
      await checkAccessibility(partnerPage, 'the sign-in page');
      await signInInBrowser(partnerPage, partnerLogin);
      await partnerPage.locator('#referral-form').waitFor();
      await partnerPage.locator('#live-status[data-state="open"]').waitFor();
      // the forecast (GET /api/forecast) answered: a new partner has nothing forecast yet, and no problem is shown
      await partnerPage.locator('#forecast-empty, #forecast canvas, #forecast .panel-problem').first().waitFor();
      if (await partnerPage.locator('#forecast .panel-problem').count()) {
        fail(`the forecast shows a problem: ${await partnerPage.locator('#forecast .panel-problem').innerText()}`);
      }
      await screenshot(partnerPage, 'partner-dashboard');
      // the keyboard alone reaches the referral form, and shows where it is
      let reached = null;
      for (let press = 0; press < 40 && reached === null; press++) {
        await partnerPage.keyboard.press('Tab');
        reached = await partnerPage.evaluate(() => (document.activeElement?.id === 'ref-company'
          ? getComputedStyle(document.activeElement).outlineStyle : null));
      }
      if (reached === null) {
        fail('40 presses of Tab did not reach the referral form');
      }
      if (reached === 'none') {
        fail('the focused field shows no focus outline');
      }
    });

    const referralId = await step('the partner refers a client', async () => {
      await fillReferral(partnerPage);
      await partnerPage.locator('#referral-form-message.success').waitFor();
      const row = partnerPage.locator('#referrals-table tbody tr', { hasText: client.company });
      await row.waitFor();
      const status = await row.locator('.status-badge').getAttribute('data-status');
      if (status !== 'SUBMITTED') {
        fail(`the new referral shows status ${status}, expected SUBMITTED`);
      }
      await screenshot(partnerPage, 'partner-referred');
      return row.getAttribute('data-referral-id');
    });
    log(`  referral ${referralId}`);

    await step('the same client again is refused with the duplicate-referral message', async () => {
      await fillReferral(partnerPage);
      const message = partnerPage.locator('#referral-form-message[data-problem="duplicate-referral"]');
      await message.waitFor();
      const text = await message.innerText();
      if (!/already been referred/.test(text)) {
        fail(`the duplicate message reads "${text}"`);
      }
      const rows = await partnerPage.locator('#referrals-table tbody tr', { hasText: client.company }).count();
      if (rows !== 1) {
        fail(`${rows} referrals of the client are listed after the refused second try`);
      }
      await screenshot(partnerPage, 'partner-duplicate-refused');
      await checkAccessibility(partnerPage, 'the dashboard with a refused referral');
    });

    await step('the partner opens the referral timeline', async () => {
      await partnerPage.locator(`#referrals-table tr[data-referral-id="${referralId}"] button`).click();
      await partnerPage.locator('#referral-detail .timeline li').first().waitFor();
      await screenshot(partnerPage, 'partner-timeline');
      // remember this document: if the page reloads, the marker is gone and the last step says so
      await partnerPage.evaluate(() => { window.journeyMarker = 'no reload'; });
    });

    const opsPage = await openPortal(browser, 'ops');

    await step('operations signs in and finds the referral in the ops view', async () => {
      await signInInBrowser(opsPage, OPS);
      await opsPage.locator('#ops-filter').waitFor();
      await opsPage.locator('#ops-status').selectOption('SUBMITTED');
      await opsPage.locator('#ops-filter button[type=submit]').click();
      const row = opsPage.locator(`#ops-board li[data-referral-id="${referralId}"]`);
      await row.waitFor();
      await screenshot(opsPage, 'ops-referrals-to-work');
      await row.locator('button').click();
      await opsPage.locator('#ops-detail-heading').waitFor();
    });

    await step('operations sees the API refuse a step the status does not allow', async () => {
      await opsAction(opsPage, 'complete');
      const message = opsPage.locator('#ops-action-complete-message[data-problem="illegal-transition"]');
      await message.waitFor();
      await screenshot(opsPage, 'ops-illegal-transition');
    });

    await step('operations qualifies the referral and signs the contract', async () => {
      await opsAction(opsPage, 'qualify');
      await opsPage.locator('#ops-detail-heading .status-badge[data-status="QUALIFIED"]').waitFor();
      await opsAction(opsPage, 'contract', async (form) => {
        await form.locator('#ops-contract-amount').fill(CONTRACT);
        await form.locator('#ops-contract-currency').selectOption('EUR');
      });
      await opsPage.locator('#ops-detail-heading .status-badge[data-status="CONTRACTED"]').waitFor();
      await opsPage.locator('#ops-message.success').waitFor();
      await screenshot(opsPage, 'ops-contract-signed');
    });

    await step('operations records a payment', async () => {
      await opsAction(opsPage, 'payment', async (form) => {
        await form.locator('#ops-payment-amount').fill(PAYMENT);
        await form.locator('#ops-payment-currency').selectOption('EUR');
        await form.locator('#ops-payment-kind').selectOption('DEPOSIT');
      });
      await opsPage.locator('#ops-detail .timeline li[data-type="payment-received"]').waitFor();
      await screenshot(opsPage, 'ops-payment-recorded');
      await checkAccessibility(opsPage, 'the operations view');
    });

    await step('the partner dashboard shows the new status, the commission and the live notification without a reload', async () => {
      await partnerPage.locator(`#referrals-table tr[data-referral-id="${referralId}"] .status-badge[data-status="CONTRACTED"]`).waitFor();
      await partnerPage.locator('#latest-notifications li[data-event-type*="contract-signed"], #latest-notifications li[data-event-type*="payment-received"]').first().waitFor();
      await eventually('the EUR commission on the dashboard', async () => {
        const cell = partnerPage.locator('#summary-table tr[data-currency="EUR"] td[data-field="accrued"]');
        const text = (await cell.count()) ? await cell.innerText() : '(no EUR row)';
        return text.includes(COMMISSION.replace(/^(\d+)/, (d) => Number(d).toLocaleString('en-GB')))
          ? { ok: true } : { ok: false, reason: `accrued shows ${text}` };
      });
      if ((await partnerPage.evaluate(() => window.journeyMarker)) !== 'no reload') {
        fail('the partner page was reloaded');
      }
      await partnerPage.locator('#referral-detail .timeline li[data-type="payment-received"]').waitFor();
      await eventually('the commission in the EUR forecast', async () => {
        const cells = partnerPage.locator('#forecast-EUR-table td[data-field="payable"]');
        const texts = await cells.allInnerTexts();
        const expected = COMMISSION.replace(/^(\d+)/, (d) => Number(d).toLocaleString('en-GB'));
        return texts.some((text) => text.includes(expected))
          ? { ok: true } : { ok: false, reason: `payable by month: ${texts.join(', ') || '(no EUR forecast)'}` };
      });
      if (!(await partnerPage.locator('#forecast-EUR-chart').isVisible())) {
        fail('the EUR forecast has no chart');
      }
      await screenshot(partnerPage, 'partner-live-update');
      await checkAccessibility(partnerPage, 'the dashboard with the forecast chart and table');
    });

    await step('the partner switches the portal to Chinese', async () => {
      await partnerPage.locator('#language-select').selectOption('zh');
      await partnerPage.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      const heading = await partnerPage.locator('main h1').innerText();
      if (heading !== '您的概览') {
        fail(`the dashboard heading reads "${heading}" in Chinese`);
      }
      const badge = await partnerPage.locator(`#referrals-table tr[data-referral-id="${referralId}"] .status-badge`).innerText();
      if (badge !== '已签约') {
        fail(`the status reads "${badge}" in Chinese`);
      }
      await screenshot(partnerPage, 'partner-dashboard-zh');
      await partnerPage.locator('a[data-route="#/commissions"]').click();
      await partnerPage.locator('#commission-chart').waitFor();
      await partnerPage.locator('#ledger-table tbody tr').first().waitFor();
      await screenshot(partnerPage, 'partner-commissions-zh');
      await checkAccessibility(partnerPage, 'the commissions page in Chinese');
      await partnerPage.locator('a[data-route="#/notifications"]').click();
      await partnerPage.locator('#preferences-form').waitFor();
      await screenshot(partnerPage, 'partner-notifications-zh');
      await checkAccessibility(partnerPage, 'the notifications page in Chinese');
      await partnerPage.locator('a[data-route="#/statements"]').click();
      await partnerPage.locator('#statement-form button[type=submit]').click();
      await partnerPage.locator('#statement-result .statement').waitFor();
      await screenshot(partnerPage, 'partner-statements-zh');
      await checkAccessibility(partnerPage, 'the statements page in Chinese');
    });

    await step('the partner downloads the statement as CSV', async () => {
      const [download] = await Promise.all([
        partnerPage.waitForEvent('download'),
        partnerPage.locator('#statement-csv').click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      const lines = csv.replace(/^\ufeff/, '').trim().split(/\r\n/);
      if (!lines[0].startsWith('currency,date,type') || !lines.some((line) => line.includes(`ACCRUAL`) && line.includes(COMMISSION))) {
        fail(`the statement CSV ${download.suggestedFilename()} reads:\n${csv.slice(0, 500)}`);
      }
      log(`  ${download.suggestedFilename()}: ${lines.length - 1} line(s)`);
    });

    await step('the dashboard fits a phone screen', async () => {
      await partnerPage.setViewportSize({ width: 390, height: 844 });
      await partnerPage.locator('a[data-route="#/dashboard"]').click();
      await partnerPage.locator('#referrals-table').waitFor();
      const overflow = await partnerPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) {
        fail(`the page is ${overflow}px wider than a 390px phone screen`);
      }
      await screenshot(partnerPage, 'partner-dashboard-phone');
    });

  } finally {
    await close();
  }
}

journey.finish(main);
