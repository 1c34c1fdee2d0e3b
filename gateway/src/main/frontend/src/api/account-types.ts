/**
 * The partner's own account pages: the gateway's accounts (API.md "Accounts — gateway"), the partner's details
 * (referral-service), payout details, tax profile, disputes, invoices and tax statements (commission-service).
 * Aliases of the generated schemas (see types.ts).
 */
import type { Nullable, Schemas } from './types';

export type { EntryHold } from './types';
export type { Dispute, DisputeOutcome, TaxStatement } from './finance-types';

export type InvitationAcceptance = Schemas['InvitationAcceptance'];

/** The gateway's user view answered on acceptance. */
export type AccountUser = Nullable<Schemas['UserView'], 'partnerId'>;

export type PasswordResetRequest = Schemas['PasswordResetRequest'];
export type NewPassword = Schemas['NewPassword'];

/** `PUT /api/partners/{partnerId}`: every field, as the partner is after the change. */
export type PartnerUpdate = Schemas['UpdatePartnerRequest'];

/** `PUT /api/payout-details/{partnerId}` body; the IBAN comes back in electronic form. */
export type PayoutDetailsRequest = Nullable<Schemas['PayoutDetailsRequest'], 'bic'>;
export type PayoutDetails = Nullable<Schemas['PayoutDetails'], 'bic' | 'updatedAt'>;

export type PostalAddress = Nullable<Schemas['Address'], 'line2'>;

/** `PUT /api/tax-profiles/{partnerId}` body. */
export type TaxProfileRequest = Omit<Nullable<Schemas['TaxProfileRequest'], 'vatId'>, 'address'> & { address: PostalAddress };

/** The stored profile: who accepted self-billing (username) and when, null until accepted. */
export type TaxProfile = Omit<Nullable<Schemas['TaxProfile'], 'vatId' | 'selfBillingAcceptedBy' | 'selfBillingAcceptedAt'>,
  'address'> & { address: PostalAddress };

export type DisputeStatus = 'OPEN' | 'RESOLVED';

/** `GET /api/invoices?partnerId=&year=`: a self-billing invoice (`.pdf` by number). */
export type InvoiceSummary = Nullable<Schemas['Summary'], 'invoiceDate'>;

export type TaxStatementCurrency = Schemas['CurrencyTotal'];
