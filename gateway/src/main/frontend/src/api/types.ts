/** The shapes of API.md the portal reads. Fields it does not use are left out; extra fields are harmless. */
import type { Money } from '../format/format';

export type { Money };

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export const REFERRAL_STATUSES = [
  'SUBMITTED', 'QUALIFIED', 'QUOTED', 'CONTRACTED', 'DELIVERED', 'COMPLETED', 'REJECTED', 'LOST',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface TimelineEntry {
  at: string;
  type: string;
  summary: string;
}

export interface Referral {
  referralId: string;
  partnerId: string;
  client: { company: string; contactName: string; contactEmail: string };
  description: string;
  status: ReferralStatus;
  estimatedValue: Money | null;
  quotedAmount?: Money | null;
  contractValue: Money | null;
  cashReceived: Money | null;
  refunded: Money | null;
  timeline: TimelineEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface Partner {
  partnerId: string;
  name: string;
  email: string;
  language: string;
  parentPartnerId: string | null;
  createdAt: string;
}

export interface LedgerEntry {
  entryId: string;
  partnerId: string;
  referralId: string | null;
  role: 'INTRODUCER' | 'OVERRIDE' | null;
  type: 'ACCRUAL' | 'REVERSAL' | 'PAYOUT';
  amount: Money;
  rate: string | null;
  basis: Money | null;
  payableAt: string | null;
  createdAt: string;
  explanation: string | null;
  occurredOn?: string | null;
  batchId?: string | null;
}

export const BALANCE_FIELDS = ['accrued', 'pending', 'payable', 'paid', 'projected', 'reversed', 'balance'] as const;
export type BalanceField = (typeof BALANCE_FIELDS)[number];

export type CurrencyBalance = { currency: string } & Partial<Record<BalanceField, Money | null>>;

export interface CommissionSummary {
  partnerId: string;
  currencies: CurrencyBalance[];
}

/** One month of `GET /api/forecast` (COMMISSIONS.md "Forecast"): commission expected to become payable then. */
export interface ForecastMonth {
  /** YYYY-MM */
  month: string;
  currency: string;
  /** entries already written (earned), payable that month */
  payable: Money;
  /** what the client's unpaid scheduled instalments would earn, payable that month */
  fromSchedule: Money;
}

export interface Forecast {
  partnerId?: string | null;
  months: ForecastMonth[];
}

export interface Delivery {
  channel: 'EMAIL' | 'WEBHOOK' | 'FEED';
  status: 'PENDING' | 'SENT' | 'FAILED' | 'SUPPRESSED';
  attempts: number;
  lastError: string | null;
}

export interface Notification {
  notificationId: string;
  partnerId: string;
  referralId: string | null;
  eventType: string;
  language: string;
  subject: string;
  body: string;
  createdAt: string;
  deliveries?: Delivery[];
}

export interface NotificationPreferences {
  email: boolean;
  webhook: { url: string; secret: string } | null;
  frequency: 'IMMEDIATE' | 'DAILY_DIGEST';
  mutedEventTypes: string[];
  language?: string | null;
  timeZone?: string | null;
}

/** The referral events a partner is told about (EVENTS.md), for muting. */
export const NOTIFIED_EVENT_TYPES = [
  'rapport.referral.submitted.v1',
  'rapport.referral.qualified.v1',
  'rapport.referral.rejected.v1',
  'rapport.referral.quoted.v1',
  'rapport.referral.contract-signed.v1',
  'rapport.referral.milestone-reached.v1',
  'rapport.referral.payment-received.v1',
  'rapport.referral.refund-issued.v1',
  'rapport.referral.delivered.v1',
  'rapport.referral.completed.v1',
  'rapport.referral.lost.v1',
  'rapport.referral.reassigned.v1',
  'rapport.commission.accrued.v1',
  'rapport.commission.reversed.v1',
  'rapport.commission.payout-paid.v1',
] as const;

/** Outcomes are delivered muted or not (API.md), so the page does not offer to mute them. */
export const ALWAYS_DELIVERED = new Set<string>([
  'rapport.referral.contract-signed.v1',
  'rapport.referral.completed.v1',
  'rapport.referral.lost.v1',
  'rapport.referral.rejected.v1',
]);

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CNY', 'CHF', 'JPY', 'HKD', 'SGD', 'BHD'] as const;
