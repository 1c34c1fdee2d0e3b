/**
 * The API's shapes, as aliases of the schemas generated from the gateway's OpenAPI document (`src/api/schema.d.ts`,
 * written by `npm run generate:api` from `openapi/rapport-api.json`). Only the names and the constant lists live here.
 */
import type { components } from './schema';

/** The schemas of the merged document, by the names the services give them. */
export type Schemas = components['schemas'];

/**
 * The services write an empty field as null, but springdoc marks no field nullable: `K` are the fields of `T` the
 * portal must expect null in (the generator treats every answer field as present, which they are).
 */
export type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type Money = Schemas['Money'];

/** Every list answer: the document names one page type per item type (`PagePartnerView`...), all of this shape. */
export type Page<T> = Omit<Schemas['PagePartnerView'], 'items'> & { items: T[] };

export type ReferralStatus = Schemas['ReferralView']['status'];
export const REFERRAL_STATUSES = [
  'SUBMITTED', 'QUALIFIED', 'QUOTED', 'CONTRACTED', 'DELIVERED', 'COMPLETED', 'REJECTED', 'LOST',
] as const satisfies readonly ReferralStatus[];

/** `partnerId` and `details` are written only on the lines that have them; details carry only the line type's fields. */
export type TimelineEntry = Omit<Schemas['TimelineEntry'], 'partnerId' | 'details'> & {
  partnerId?: string | null;
  details?: Partial<Schemas['TimelineDetails']> | null;
};

/** Fields of the deal work ("Deals as they really go"): the portal does not count on them being there. */
type ReferralDeal = 'quotedAmount' | 'contractNumber' | 'signedAt' | 'followOnOf' | 'shares' | 'schedule' | 'amendments'
  | 'payments' | 'refunds';

/** One view for partners and operations. */
export type Referral = Omit<Nullable<Schemas['ReferralView'], 'estimatedValue' | 'contractValue' | 'cashReceived' | 'refunded'>,
  'timeline' | ReferralDeal>
  & Partial<Nullable<Pick<Schemas['ReferralView'], ReferralDeal>, 'quotedAmount' | 'contractNumber' | 'signedAt' | 'followOnOf'>>
  & { timeline: TimelineEntry[] };

export type Partner = Nullable<Schemas['PartnerView'], 'parentPartnerId'>;

export type EntryHold = Schemas['Hold'];

/** Fields the month-end work added to the ledger entry: the portal does not count on them being there. */
type LedgerEntryLater = 'sourceEventId' | 'occurredOn' | 'batchId' | 'hold' | 'disputes' | 'held' | 'paidOut';

/** commission-service's ledger entry: `hold` while held (e.g. disputed), the disputes opened on it. */
export type LedgerEntry = Nullable<Omit<Schemas['LedgerEntry'], LedgerEntryLater>,
  'referralId' | 'role' | 'rate' | 'basis' | 'payableAt' | 'explanation'>
  & Partial<Nullable<Pick<Schemas['LedgerEntry'], LedgerEntryLater>, LedgerEntryLater>>;

export const BALANCE_FIELDS = ['accrued', 'pending', 'payable', 'paid', 'projected', 'reversed', 'balance'] as const;
export type BalanceField = (typeof BALANCE_FIELDS)[number];

/** A balance the service has nothing for may be absent or null. */
export type CurrencyBalance = Pick<Schemas['CurrencyBalance'], 'currency'>
  & Partial<Nullable<Pick<Schemas['CurrencyBalance'], BalanceField>, BalanceField>>;

export type CommissionSummary = Omit<Schemas['PartnerSummary'], 'currencies'> & { currencies: CurrencyBalance[] };

/** One month of `GET /api/forecast` (COMMISSIONS.md "Forecast"): commission expected to become payable then. */
export type ForecastMonth = Schemas['Month'];

export type Forecast = Nullable<Schemas['Forecast'], 'partnerId'>;

export type Delivery = Nullable<Schemas['DeliveryView'], 'lastError'>;

export type Notification = Nullable<Schemas['NotificationView'], 'referralId'>;

/** `GET /api/notification-preferences/{partnerId}`; the same fields are `PUT` back (`PreferencesRequest`). */
export type NotificationPreferences = Nullable<Schemas['PreferencesView'], 'webhook' | 'language' | 'timeZone'>;

/** The `PUT` body: language and time zone only when the page has them. */
export type NotificationPreferencesRequest = Nullable<Omit<Schemas['PreferencesRequest'], 'language' | 'timeZone'>, 'webhook'>
  & Partial<Nullable<Pick<Schemas['PreferencesRequest'], 'language' | 'timeZone'>, 'language' | 'timeZone'>>;

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
