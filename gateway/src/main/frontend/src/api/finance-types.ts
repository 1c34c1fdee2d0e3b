/**
 * The shapes of API.md's finance calls ("Finance's month end", "Deals as they really go", commission plans) as the
 * commission-service answers them. Kept apart from types.ts so that file can be replaced by generated types.
 */
import type { Money } from '../format/format';

export type BatchStatus = 'OPEN' | 'PAID' | 'CANCELLED';

export const SKIP_REASONS = ['no-tax-profile', 'self-billing-not-accepted', 'no-payout-details'] as const;

export interface PayoutBatch {
  batchId: string;
  asOf: string;
  status: BatchStatus;
  lines: { partnerId: string; currency: string; amount: Money }[];
  totals: { currency: string; amount: Money }[];
  createdAt: string;
  paidOn?: string | null;
  createdBy?: string | null;
  skipped?: { partnerId: string; currency: string; amount: Money; reason: string }[];
}

export type AdjustmentStatus = 'PROPOSED' | 'APPROVED' | 'REJECTED';

export interface Adjustment {
  adjustmentId: string;
  partnerId: string;
  referralId: string | null;
  amount: Money;
  reason: string;
  status: AdjustmentStatus;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  entryId: string | null;
}

export type DisputeOutcome = 'UPHELD' | 'DISMISSED';

export interface Dispute {
  disputeId: string;
  entryId: string;
  partnerId: string;
  referralId: string | null;
  status: 'OPEN' | 'RESOLVED';
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

/** A ledger entry as finance sees it: the partner's entry, plus the hold and the disputes on it. */
export interface FinanceLedgerEntry {
  entryId: string;
  partnerId: string;
  referralId: string | null;
  role: 'INTRODUCER' | 'OVERRIDE' | null;
  type: 'ACCRUAL' | 'REVERSAL' | 'PAYOUT' | 'ADJUSTMENT';
  amount: Money;
  rate: string | null;
  payableAt: string | null;
  createdAt: string;
  explanation: string | null;
  occurredOn?: string | null;
  batchId?: string | null;
  hold: { reason: string; since: string } | null;
  disputes?: { disputeId: string; status: string; outcome: string | null }[] | null;
}

export interface Tier {
  fromContracts: number;
  /** a decimal string such as "0.10" */
  rate: string;
}

export interface CommissionPlan {
  planId: string;
  version: number;
  tiers: Tier[];
  overrideRate: string;
  capPerReferral: Money[];
  holdDays: number;
  minimumPayout: Money[];
  publishedAt: string;
}

export interface PlanRequest {
  tiers: Tier[];
  overrideRate: string;
  capPerReferral: Money[];
  holdDays: number;
  minimumPayout: Money[];
}

export interface PlanAssignment {
  partnerId: string;
  planId: string | null;
}

export interface DealTerms {
  referralId: string;
  rate?: string | null;
  flatFee?: Money | null;
  cap?: Money | null;
  reason: string;
  agreedBy?: string;
  agreedAt?: string;
  locked?: boolean;
  lockedAt?: string | null;
}

export interface Invoice {
  invoiceNumber: string;
  partnerId: string;
  batchId: string;
  currency: string;
  net: Money;
  vat: Money;
  total: Money;
  issuedAt: string;
  invoiceDate?: string;
}

export interface TaxStatement {
  partnerId: string;
  year: number;
  currencies: { currency: string; paid: Money; invoices: number; net?: Money; vat?: Money; invoiceNumbers?: string[] }[];
}
