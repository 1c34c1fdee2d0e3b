/**
 * API.md's finance calls ("Finance's month end", "Deals as they really go", commission plans) as commission-service
 * answers them. Aliases of the generated schemas (see types.ts).
 */
import type { LedgerEntry, Money, Nullable, Schemas } from './types';

export type BatchStatus = Schemas['PayoutBatchView']['status'];

/** Why a partner's payable amount was left out of a batch: commission-service's reasons, a plain string there. */
export const SKIP_REASONS = ['no-tax-profile', 'self-billing-not-accepted', 'no-payout-details'] as const;

export type PayoutBatch = Nullable<Schemas['PayoutBatchView'], 'paidOn' | 'createdBy'>;

export type AdjustmentStatus = Schemas['AdjustmentView']['status'];

export type Adjustment = Nullable<Schemas['AdjustmentView'],
  'referralId' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'entryId'>;

export type DisputeOutcome = NonNullable<Schemas['DisputeView']['outcome']>;

/** `status` is a plain string in the document (the service's enum is not annotated): OPEN or RESOLVED. */
export type Dispute = Nullable<Schemas['DisputeView'],
  'referralId' | 'outcome' | 'note' | 'adjustment' | 'adjustmentEntryId' | 'resolvedBy' | 'resolvedAt'>;

/** A ledger entry as finance sees it: the same entry, with its hold and disputes. */
export type FinanceLedgerEntry = LedgerEntry;

export type Tier = Schemas['Tier'];

/** `GET /api/commission-plans/{planId}`: the current version of a plan. */
export type CommissionPlan = Schemas['PlanVersion'];

export type PlanRequest = Schemas['PlanRequest'];

export type PlanAssignment = Nullable<Schemas['Assignment'], 'planId'>;

export type DealTerms = Nullable<Schemas['DealTermsView'], 'rate' | 'flatFee' | 'cap' | 'lockedAt'>;

export type Invoice = InvoiceSummaryAlias;
type InvoiceSummaryAlias = Nullable<Schemas['Summary'], 'invoiceDate'>;

export type TaxStatement = Schemas['TaxStatement'];

export type { Money };
