// The back office and partner self-service in a real browser (Debian's Chromium driven by playwright-core), against a
// running stack, done as the people would (issue 14): operations registers and invites a partner; the partner opens
// the link from the mail server's inbox, chooses a password, fills in payout details and tax profile, accepts
// self-billing and refers a client; operations qualifies it and signs the contract with an instalment schedule and
// records a payment; finance A proposes an adjustment and finance B approves it; finance A creates a payout batch and
// finance B confirms it; the partner downloads its invoice PDF and sees the forecast chart; the partner forgets the
// password and resets it from the mailed link. Screenshots of every screen in English, and of the finance screens in
// Chinese and at phone width; axe-core finds no serious violation on any of them.
//
//   PORTAL_URL=http://localhost:8080 MAIL_VIEW_URL=http://localhost:8025 SCREENSHOT_DIR=target/back-office \
//     node e2e/back-office-journey.mjs
//
// Optional: CHROMIUM, JOURNEY_TIMEOUT_MS, OPS_USER/OPS_PASSWORD, ADMIN_USER/ADMIN_PASSWORD, FINANCE_USER/
// FINANCE_PASSWORD (default the local stack's development users).
import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  ADMIN, FINANCE, Journey, OPS, SCREENSHOT_DIR, call, eventually, fail, opsAction, signIn, signInInBrowser,
} from './journey-kit.mjs';

const MAIL_VIEW_URL = (process.env.MAIL_VIEW_URL ?? 'http://localhost:8025').replace(/\/+$/, '');
const journey = new Journey('back-office-journey');
const run = randomUUID().slice(0, 8);
const partner = { name: `Back Office Partner ${run}`, email: `bo-${run}@partner.example` };
const login = { username: `bo-${run}`, password: `bo-first-pw-${run}`, newPassword: `bo-second-pw-${run}` };
const financeB = { username: `finance-b-${run}`, password: `finance-b-pw-${run}-secret` };
const client = { company: `Back Office Retail ${run}`, contactName: 'Wang Fang', contactEmail: `wang.${run}@client.example` };
const DAY = 24 * 3600 * 1000;

/** yyyy-mm-dd and yyyy-mm-ddThh:mm in the browser's time zone (Europe/Paris), days from now */
function day(offset) {
  return new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
}
function localDateTime(offset) {
  return `${day(offset)}T10:00`;
}

/** The newest mail to an address whose text holds a portal link of this kind, read in the mail server's web view. */
async function linkFromInbox(page, address, kind) {
  return eventually(`a mail to ${address} with a ${kind} link`, async () => {
    await page.goto(MAIL_VIEW_URL);
    const articles = page.locator('article', { hasText: address });
    const count = await articles.count();
    for (let i = 0; i < count; i++) {
      const text = await articles.nth(i).innerText();
      const match = new RegExp(`https?://\\S+#/${kind}/[A-Za-z0-9_-]+`).exec(text);
      if (match) {
        return { ok: true, value: match[0] };
      }
    }
    return { ok: false, reason: `${count} mail(s) to ${address}, none with a ${kind} link` };
  });
}

async function submitForm(page, id) {
  await page.locator(`#${id} button[type=submit]`).click();
  const message = page.locator(`#${id}-message.success, #${id}-message.error`);
  await message.first().waitFor();
  if (await page.locator(`#${id}-message.error`).count()) {
    fail(`${id} was refused: ${await page.locator(`#${id}-message`).innerText()}`);
  }
}

async function goTo(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'), undefined, { timeout: 15000 })
    .catch(() => undefined);
}

const FINANCE_SCREENS = ['payouts', 'adjustments', 'disputes', 'ledger', 'plans', 'exports', 'liability'];

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  journey.log(`portal, screenshots in ${SCREENSHOT_DIR}, run ${run}`);

  await journey.step('an administrator gives finance a second person (four eyes)', async () => {
    const admin = await signIn(ADMIN);
    const created = await call('POST', '/auth/users', { ...financeB, roles: ['FINANCE'] }, admin);
    if (created.status !== 201) {
      fail(`POST /auth/users answered ${created.status} ${JSON.stringify(created.json)}`);
    }
  });

  const { browser, close } = await journey.launch();
  try {
    const opsPage = await journey.openPortal(browser, 'ops');

    await journey.step('operations registers the partner and invites it', async () => {
      await signInInBrowser(opsPage, OPS);
      await goTo(opsPage, '#/ops/partners');
      await opsPage.locator('#ops-register-name').fill(partner.name);
      await opsPage.locator('#ops-register-email').fill(partner.email);
      await opsPage.locator('#ops-register-language').selectOption('en');
      await submitForm(opsPage, 'ops-register');
      await opsPage.locator('#ops-partner-heading', { hasText: partner.name }).waitFor();
      await journey.look(opsPage, 'ops-partner-registered', 'the partners screen');
      if ((await opsPage.locator('#ops-invite-email').inputValue()) !== partner.email) {
        fail('the invitation form does not offer the partner\'s address');
      }
      await submitForm(opsPage, 'ops-invite');
      await journey.screenshot(opsPage, 'ops-partner-invited');
    });

    const partnerPage = await journey.openPortal(browser, 'partner');

    await journey.step('the partner opens the invitation from the inbox and chooses a password', async () => {
      const link = await linkFromInbox(partnerPage, partner.email, 'invitations');
      journey.log(`  invitation link ${link.replace(/[A-Za-z0-9_-]{12,}$/, '…')}`);
      await partnerPage.goto(link);
      await partnerPage.locator('#invitation-form').waitFor();
      await journey.look(partnerPage, 'partner-invitation', 'the invitation page');
      await partnerPage.locator('#invitation-username').fill(login.username);
      await partnerPage.locator('#invitation-password').fill(login.password);
      await partnerPage.locator('#invitation-password-repeat').fill(login.password);
      await partnerPage.locator('#invitation-form button[type=submit]').click();
      await partnerPage.locator('header.top').waitFor();
    });

    await journey.step('the partner fills in payout details and tax profile and accepts self-billing', async () => {
      await goTo(partnerPage, '#/profile');
      await partnerPage.locator('#payout-holder').fill(partner.name);
      await partnerPage.locator('#payout-iban').fill('FR76 3000 6000 0112 3456 7890 189');
      await submitForm(partnerPage, 'payout-form');
      await partnerPage.locator('#tax-legal-name').fill(`${partner.name} SARL`);
      await partnerPage.locator('#tax-line1').fill('12 rue de la République');
      await partnerPage.locator('#tax-postal-code').fill('69002');
      await partnerPage.locator('#tax-city').fill('Lyon');
      await partnerPage.locator('#tax-country').selectOption('FR');
      await partnerPage.locator('#self-billing-agreement').waitFor();
      await partnerPage.locator('#tax-self-billing').check();
      await submitForm(partnerPage, 'tax-form');
      await journey.look(partnerPage, 'partner-profile', 'the profile page');
    });

    const referralId = await journey.step('the partner refers a client', async () => {
      await goTo(partnerPage, '#/dashboard');
      await partnerPage.locator('#ref-company').fill(client.company);
      await partnerPage.locator('#ref-contact-name').fill(client.contactName);
      await partnerPage.locator('#ref-contact-email').fill(client.contactEmail);
      await partnerPage.locator('#ref-description').fill('A booking app for a chain of clinics');
      await partnerPage.locator('#ref-amount').fill('10000');
      await partnerPage.locator('#ref-currency').selectOption('EUR');
      await partnerPage.locator('#referral-form button[type=submit]').click();
      await partnerPage.locator('#referral-form-message.success').waitFor();
      const row = partnerPage.locator('#referrals-table tbody tr', { hasText: client.company });
      await row.waitFor();
      await journey.look(partnerPage, 'partner-dashboard', 'the partner dashboard');
      return row.getAttribute('data-referral-id');
    });
    journey.log(`  referral ${referralId}`);

    await journey.step('operations qualifies it and signs the contract with an instalment schedule', async () => {
      await goTo(opsPage, '#/ops');
      await opsPage.locator('#ops-status').selectOption('SUBMITTED');
      await opsPage.locator('#ops-filter button[type=submit]').click();
      const card = opsPage.locator(`#ops-board li[data-referral-id="${referralId}"]`);
      await card.waitFor();
      await journey.look(opsPage, 'ops-pipeline', 'the pipeline board');
      await card.locator('button').first().click();
      await opsPage.locator('#ops-detail-heading').waitFor();
      await opsAction(opsPage, 'qualify');
      await opsPage.locator('#ops-detail-heading .status-badge[data-status="QUALIFIED"]').waitFor();
      await opsAction(opsPage, 'contract', async (form) => {
        await form.locator('#ops-contract-amount').fill('10000.00');
        await form.locator('#ops-contract-currency').selectOption('EUR');
        const schedule = form.locator('[data-testid="ops-contract-schedule"]');
        const first = schedule.locator('.row-editor-row').nth(0);
        await first.locator('input[name=name]').fill('Deposit');
        await first.locator('input[name=dueDate]').fill(day(-20));
        await first.locator('input[name=amount]').fill('3000.00');
        await schedule.locator('[data-testid="ops-contract-schedule-add"]').click();
        const second = schedule.locator('.row-editor-row').nth(1);
        await second.locator('input[name=name]').fill('Delivery');
        await second.locator('input[name=dueDate]').fill(day(45));
        await second.locator('input[name=amount]').fill('7000.00');
        await journey.screenshot(opsPage, 'ops-contract-with-schedule');
      });
      await opsPage.locator('#ops-detail-heading .status-badge[data-status="CONTRACTED"]').waitFor();
    });

    await journey.step('the client pays the deposit', async () => {
      await opsAction(opsPage, 'payment', async (form) => {
        await form.locator('#ops-payment-amount').fill('3000.00');
        await form.locator('#ops-payment-currency').selectOption('EUR');
        await form.locator('#ops-payment-kind').selectOption('DEPOSIT');
        // received three weeks ago: past the plan's 14 days' hold, so payable in today's batch
        await form.locator('#ops-payment-received-at').fill(localDateTime(-21));
      });
      await opsPage.locator('#ops-detail .timeline li[data-type="payment-received"]').waitFor();
      await journey.look(opsPage, 'ops-payment-recorded', 'the referral in the operations view');
    });

    const financePage = await journey.openPortal(browser, 'finance-a');
    const financeBPage = await journey.openPortal(browser, 'finance-b');

    await journey.step('finance A proposes an adjustment and finance B approves it', async () => {
      await signInInBrowser(financePage, FINANCE);
      await goTo(financePage, '#/finance/adjustments');
      await financePage.locator('#finance-adjustment-partner-search').fill(partner.name);
      await eventually('the partner picked by name', async () => {
        const value = await financePage.locator('#finance-adjustment-partner').inputValue();
        return value ? { ok: true, value } : { ok: false, reason: 'no partner chosen' };
      });
      await financePage.locator('#finance-adjustment-amount').fill('25.00');
      await financePage.locator('#finance-adjustment-currency').selectOption('EUR');
      await financePage.locator('#finance-adjustment-reason').fill('Bonus for a quick close');
      await submitForm(financePage, 'finance-adjustment-form');
      const row = financePage.locator('#finance-adjustment-table tr', { hasText: 'Bonus for a quick close' });
      await row.waitFor();
      // the proposer's own approval is refused, in plain words
      await row.locator('[data-testid^="finance-adjustment-approve-"]').click();
      await financePage.locator('#finance-adjustment-outcome[data-problem="four-eyes"]').waitFor();
      await journey.look(financePage, 'finance-adjustment-four-eyes', 'the adjustments screen');

      await signInInBrowser(financeBPage, financeB);
      await goTo(financeBPage, '#/finance/adjustments');
      const rowB = financeBPage.locator('#finance-adjustment-table tr', { hasText: 'Bonus for a quick close' });
      await rowB.waitFor();
      await rowB.locator('[data-testid^="finance-adjustment-approve-"]').click();
      await financeBPage.locator('#finance-adjustment-outcome.success').waitFor();
      await journey.screenshot(financeBPage, 'finance-adjustment-approved');
    });

    const batchId = await journey.step('finance A creates a payout batch and finance B confirms it', async () => {
      await goTo(financePage, '#/finance/payouts');
      await eventually('a batch that pays the partner', async () => {
        await financePage.locator('[data-testid="finance-batch-create"]').click();
        const batch = financePage.locator('[data-testid="finance-batch"]').first();
        await batch.waitFor();
        if (await batch.getByText(partner.name).count()) {
          return { ok: true };
        }
        // not payable yet (the read side catches up with the payment): cancel and try again
        const cancel = batch.locator('[data-testid="finance-batch-cancel"]');
        if (await cancel.count()) {
          await cancel.click();
        }
        return { ok: false, reason: 'the batch has no line for the partner' };
      }, 60000);
      const batch = financePage.locator('[data-testid="finance-batch"]').first();
      await journey.look(financePage, 'finance-payout-batch', 'the payout screen with a new batch');
      const id = await batch.getAttribute('data-batch-id');

      await goTo(financeBPage, '#/finance/payouts');
      await financeBPage.locator(`[data-testid="finance-batch-open-${id}"]`).click();
      const batchB = financeBPage.locator(`[data-testid="finance-batch"][data-batch-id="${id}"]`);
      await batchB.waitFor();
      await batchB.locator('[data-testid="finance-batch-confirm"]').click();
      await financeBPage.locator(`[data-testid="finance-batch"][data-batch-id="${id}"]:not([data-status="CREATED"])`).waitFor();
      await journey.screenshot(financeBPage, 'finance-payout-confirmed');
      return id;
    });
    journey.log(`  payout batch ${batchId}`);

    await journey.step('the partner downloads its invoice and sees the forecast chart', async () => {
      await goTo(partnerPage, '#/documents');
      const pdf = partnerPage.locator('[data-testid="invoice-pdf"]').first();
      await eventually('the invoice in the partner\'s documents', async () => {
        if (await pdf.count()) {
          return { ok: true };
        }
        await goTo(partnerPage, '#/dashboard');
        await goTo(partnerPage, '#/documents');
        return { ok: false, reason: 'no invoice listed' };
      });
      await journey.look(partnerPage, 'partner-documents', 'the documents page');
      const [download] = await Promise.all([partnerPage.waitForEvent('download'), pdf.click()]);
      const bytes = readFileSync(await download.path());
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        fail(`the invoice ${download.suggestedFilename()} is not a PDF`);
      }
      journey.log(`  ${download.suggestedFilename()}: ${bytes.length} bytes`);
      await goTo(partnerPage, '#/dashboard');
      await partnerPage.locator('#forecast-EUR-chart').waitFor();
      await journey.look(partnerPage, 'partner-forecast', 'the dashboard with the forecast');
    });

    await journey.step('every partner screen in English', async () => {
      for (const screen of ['commissions', 'statements', 'notifications', 'disputes']) {
        await goTo(partnerPage, `#/${screen}`);
        await journey.look(partnerPage, `partner-${screen}`, `the partner's ${screen} page`);
      }
    });

    await journey.step('every finance screen in English, in Chinese and at phone width', async () => {
      for (const screen of FINANCE_SCREENS) {
        await goTo(financePage, `#/finance/${screen}`);
        await journey.look(financePage, `finance-${screen}`, `the finance ${screen} screen`);
      }
      await financePage.locator('#language-select').selectOption('zh');
      await financePage.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      for (const screen of FINANCE_SCREENS) {
        await goTo(financePage, `#/finance/${screen}`);
        await journey.look(financePage, `finance-${screen}-zh`, `the finance ${screen} screen in Chinese`);
      }
      await financePage.locator('#language-select').selectOption('en');
      await financePage.setViewportSize({ width: 390, height: 844 });
      for (const screen of FINANCE_SCREENS) {
        await goTo(financePage, `#/finance/${screen}`);
        const overflow = await financePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) {
          fail(`the finance ${screen} screen is ${overflow}px wider than a 390px phone screen`);
        }
        await journey.look(financePage, `finance-${screen}-phone`, `the finance ${screen} screen on a phone`);
      }
    });

    await journey.step('the partner forgets the password and resets it from the mailed link', async () => {
      const page = await journey.openPortal(browser, 'forgetful-partner');
      await page.locator('#forgot-password-link').click();
      await page.locator('#forgot-form').waitFor();
      await page.locator('#forgot-email').fill(partner.email);
      await submitForm(page, 'forgot-form');
      await journey.look(page, 'partner-forgot-password', 'the forgotten-password page');
      const link = await linkFromInbox(page, partner.email, 'password-resets');
      await page.goto(link);
      await page.locator('#password-reset-form').waitFor();
      await page.locator('#reset-password').fill(login.newPassword);
      await page.locator('#reset-password-repeat').fill(login.newPassword);
      await page.locator('#password-reset-form button[type=submit]').click();
      await page.locator('#password-reset-done, header.top').first().waitFor();
      await journey.look(page, 'partner-password-reset', 'the password-reset page');
      const old = await call('POST', '/auth/token', { username: login.username, password: login.password });
      if (old.status === 200) {
        fail('the old password still signs in');
      }
      await signIn({ username: login.username, password: login.newPassword });
    });
  } finally {
    await close();
  }
}

journey.finish(main);
