/** The shapes operations reads beyond types.ts: API.md "Deals as they really go", plans, invitations. Generated aliases. */
import type { Referral, Schemas } from './types';

export type Share = Schemas['ShareView'];
export type Instalment = Schemas['InstalmentView'];
export type Amendment = Schemas['AmendmentView'];
export type { TimelineEntry as OpsTimelineEntry } from './types';

/** A referral as referral-service answers it (operations reads the deal fields too): one view for everyone. */
export type DealReferral = Referral;

export type { PlanAssignment, CommissionPlan as PlanVersion, Tier as PlanTier } from './finance-types';

/** `POST /auth/invitations` answers this (never the link itself). */
export type InvitationView = Schemas['InvitationView'];
