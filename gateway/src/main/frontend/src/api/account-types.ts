/**
 * API shapes of the partner's own account pages: the gateway's accounts (API.md "Accounts — gateway"), the partner's
 * details (referral-service), payout details, tax profile, disputes, invoices and tax statements (commission-service,
 * "Finance's month end"). Field names as the services' controllers answer them.
 */
import type { Money } from './types';

/** `POST /auth/invitations/{token}/accept` body; the answer is the new login (user view). */
export interface InvitationAcceptance {
  username: string;
  password: string;
}

/** The gateway's user view answered on acceptance. */
export interface AccountUser {
  username: string;
  roles: string[];
  partnerId: string | null;
}

/** `POST /auth/password-resets` (always 202) and `POST /auth/password-resets/{token}` (204). */
export interface PasswordResetRequest {
  email: string;
}

export interface NewPassword {
  password: string;
}

/** `PUT /api/partners/{partnerId}`: every field, as the partner is after the change. */
export interface PartnerUpdate {
  name: string;
  email: string;
  language: string;
}

/** `GET`/`PUT /api/payout-details/{partnerId}`: where payouts go. The IBAN comes back in electronic form. */
export interface PayoutDetailsRequest {
  accountHolder: string;
  iban: string;
  bic: string | null;
}

export interface PayoutDetails extends PayoutDetailsRequest {
  partnerId: string;
  updatedAt: string | null;
}

export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  /** ISO 3166 alpha-2 */
  country: string;
}

/** `PUT /api/tax-profiles/{partnerId}` body. */
export interface TaxProfileRequest {
  legalName: string;
  address: PostalAddress;
  vatId: string | null;
  vatRegistered: boolean;
  selfBillingAccepted: boolean;
}

/** The stored profile: who accepted self-billing (username) and when, null until accepted. */
export interface TaxProfile extends TaxProfileRequest {
  partnerId: string;
  selfBillingAcceptedBy: string | null;
  selfBillingAcceptedAt: string | null;
}

export type DisputeStatus = 'OPEN' | 'RESOLVED';
export type DisputeOutcome = 'UPHELD' | 'DISMISSED';

/** `POST /api/commissions/{entryId}/disputes` `{message}` → 201 dispute; `GET /api/disputes?partnerId=&status=`. */
export interface Dispute {
  disputeId: string;
  entryId: string;
  partnerId: string;
  referralId: string | null;
  status: DisputeStatus;
  message: string;
  openedBy: string;
  openedAt: string;
  outcome: DisputeOutcome | null;
  note: string | null;
  adjustment: Money | null;
  adjustmentEntryId: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** `GET /api/invoices?partnerId=&year=`: a self-billing invoice (`.pdf` by number). */
export interface InvoiceSummary {
  invoiceNumber: string;
  partnerId: string;
  batchId: string;
  currency: string;
  net: Money;
  vat: Money;
  total: Money;
  issuedAt: string;
  invoiceDate?: string | null;
}

/** `GET /api/tax-statements/{partnerId}/{year}` (and `.pdf`). */
export interface TaxStatement {
  partnerId: string;
  year: number;
  currencies: TaxStatementCurrency[];
}

export interface TaxStatementCurrency {
  currency: string;
  paid: Money;
  invoices: number;
  net?: Money;
  vat?: Money;
  invoiceNumbers?: string[];
}

/** A ledger entry as commission-service answers it since month end: `hold` when it is held (e.g. disputed). */
export interface EntryHold {
  reason: string;
  since: string;
}
