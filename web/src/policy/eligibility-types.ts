import type { LocalizedText } from '../api/types.js';

/** The statements an officer may record with an evaluation (absent: not recorded). */
export const DECLARATIONS = [
  'agreesToEndProcedure',
  'intendsToLeavePermanently',
  'canPayOwnDeparture',
  'governmentObjection',
  'dublinClaimant',
  'travelDocumentObtainable',
  'fledUkraine',
] as const;
export type Declarations = Partial<Record<(typeof DECLARATIONS)[number], boolean>>;

export const OUTCOMES = ['eligible_return_and_reintegration', 'eligible_return', 'ineligible'] as const;

export interface AmountLine {
  item: string;
  amount: string | null;
  currency: string;
  basis: 'fixed' | 'minimum' | 'maximum';
  additive: boolean;
}

export interface EligibilityResult {
  outcome: (typeof OUTCOMES)[number];
  date: string;
  policyVersionId: string;
  policyVersion: number;
  reintegrationLevel: 'none' | 'partial' | 'full';
  persons: {
    personId: string;
    displayName: string;
    category: 'adult' | 'child' | 'unaccompanied_minor';
    returnEligible: boolean;
    reintegrationEligible: boolean;
    amounts: AmountLine[];
  }[];
  totals: { currency: string; amount: string }[];
  reasons: { code: string; effect: string; personId?: string; message: LocalizedText }[];
}

export interface EligibilityDecision {
  id: string;
  kind: 'computed' | 'override';
  decisionDate: string;
  policyVersionId: string;
  outcome: (typeof OUTCOMES)[number];
  eligible: boolean;
  result: EligibilityResult;
  overridesDecisionId: string | null;
  justification: string | null;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string;
}
