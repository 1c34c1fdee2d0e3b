/** The finance screens' routes, for main.ts: one entry each in the navigation of a FINANCE (or ADMIN) user. */
import type { AppContext, View } from '../app-context';
import { type Claims, isFinance } from '../auth/session';
import type { MessageKey } from '../i18n/i18n';
import { financeAdjustmentsView } from './finance-adjustments';
import { financeDisputesView } from './finance-disputes';
import { financeExportsView } from './finance-exports';
import { financeLedgerView } from './finance-ledger';
import { financeLiabilityView } from './finance-liability';
import { financePayoutsView } from './finance-payouts';
import { financePlansView } from './finance-plans';
import './finance.css';

export const FINANCE_ROUTES: { hash: string; label: MessageKey; allowed: (claims: Claims) => boolean; view: (ctx: AppContext) => View }[] = [
  { hash: '#/finance/payouts', label: 'finance.nav.payouts', allowed: isFinance, view: (ctx) => financePayoutsView(ctx) },
  { hash: '#/finance/adjustments', label: 'finance.nav.adjustments', allowed: isFinance, view: financeAdjustmentsView },
  { hash: '#/finance/disputes', label: 'finance.nav.disputes', allowed: isFinance, view: financeDisputesView },
  { hash: '#/finance/ledger', label: 'finance.nav.ledger', allowed: isFinance, view: financeLedgerView },
  { hash: '#/finance/plans', label: 'finance.nav.plans', allowed: isFinance, view: financePlansView },
  { hash: '#/finance/exports', label: 'finance.nav.exports', allowed: isFinance, view: (ctx) => financeExportsView(ctx) },
  { hash: '#/finance/liability', label: 'finance.nav.liability', allowed: isFinance, view: (ctx) => financeLiabilityView(ctx) },
];
