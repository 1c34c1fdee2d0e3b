/** The shapes operations reads beyond types.ts: API.md "Deals as they really go", plans, invitations. */
import type { Money, Referral } from './types';
import type { TimelineDetails } from '../format/timeline';

export interface Share {
  partnerId: string;
  /** a decimal string: "0.60"; "1" when the credit is not split */
  share: string;
}

export interface Instalment {
  name: string;
  /** YYYY-MM-DD */
  dueDate: string;
  amount: Money;
}

export interface Amendment {
  amendmentId: string;
  delta: Money;
  reason: string;
  signedAt: string;
}

export interface OpsTimelineEntry {
  at: string;
  type: string;
  summary: string;
  partnerId?: string | null;
  details?: TimelineDetails | null;
}

/** A referral as referral-service answers it to operations. */
export interface DealReferral extends Omit<Referral, 'timeline'> {
  shares?: Share[];
  followOnOf?: string | null;
  schedule?: Instalment[];
  amendments?: Amendment[];
  contractNumber?: number | null;
  signedAt?: string | null;
  timeline: OpsTimelineEntry[];
}

/** GET /api/partner-plans/{partnerId} */
export interface PlanAssignment {
  partnerId: string;
  planId: string;
}

export interface PlanTier {
  fromContracts: number;
  rate: string;
}

/** GET /api/commission-plans/{planId}: the current version of a plan. */
export interface PlanVersion {
  planId: string;
  version: number;
  tiers: PlanTier[];
  overrideRate: string;
  capPerReferral: Money[];
  holdDays: number;
  minimumPayout: Money[];
  publishedAt?: string;
}

/** POST /auth/invitations answers this (never the link itself). */
export interface InvitationView {
  partnerId: string;
  email: string;
  language: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}
