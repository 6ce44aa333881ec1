import type { UserSummary } from '../api/types.js';

export const SUPPORT_KINDS = ['business', 'education_training', 'housing', 'medical', 'other'] as const;
export const GRANT_TYPES = ['economic', 'medical', 'partner_ngo'] as const;
export const GRANT_PARTS = ['cash_at_departure', 'in_kind'] as const;
export const DISBURSEMENT_METHODS = ['cash', 'in_kind', 'voucher'] as const;

export interface ReintegrationPlan {
  id: string;
  originOffice: { id: string; name: string; country: string };
  supportKinds: string[];
  description: string;
  status: 'draft' | 'finalised' | 'revised';
  version: number;
  draftedBy: UserSummary | null;
  draftedAt: string;
  finalisedBy: UserSummary | null;
  finalisedAt: string | null;
  revisedBy: UserSummary | null;
  revisedAt: string | null;
}

export interface PlanResponse {
  plan: ReintegrationPlan | null;
  policies: { draftPlan: boolean; finalisePlan: boolean; createGrant: boolean; disburse: boolean };
}

export interface Disbursement {
  id: string;
  part: string;
  method: string;
  currency: string;
  amount: string;
  rateToEur: string;
  amountEur: string;
  paidOn: string;
  office: { id: string; name: string };
  receiptDocumentId: string | null;
  recordedBy: UserSummary | null;
}

export interface Grant {
  id: string;
  type: string;
  partnerNgo: { id: string; name: string } | null;
  fundingProject: string;
  originOffice: { id: string; name: string };
  currency: string;
  amount: string;
  cashAmount: string;
  inKindAmount: string;
  balance: string;
  cashRemaining: string;
  inKindRemaining: string;
  disbursedEur: string;
  ledger: Disbursement[];
}

export interface FundingBudget {
  id: string;
  projectCode: string;
  name: string;
  currency: string;
  remaining: string;
}

export interface PartnerNgo {
  id: string;
  name: string;
  active: boolean;
}

export interface Visit {
  id: string;
  visitDate: string;
  mode: 'in_person' | 'phone';
  office: { id: string; name: string };
  visitedBy: UserSummary | null;
  notes: string | null;
}

export interface SurveyScores {
  economic: string | null;
  social: string | null;
  psychosocial: string | null;
  composite: string | null;
}

export interface Survey {
  id: string;
  surveyDate: string;
  weightsVersion: number;
  scores: SurveyScores;
  sustainable: boolean | null;
}

export interface MonitoringResponse {
  visits: Visit[];
  surveys: Survey[];
  policies: { record: boolean };
}

export interface SurveyDefinition {
  indicators: {
    id: string;
    dimension: 'economic' | 'social' | 'psychosocial';
    label: { en: string; nl: string };
    options: { id: string; label: { en: string; nl: string }; score: string }[];
  }[];
}

/** Formats a decimal string amount with its currency in the UI language, without going through floats for the digits. */
export function formatMoney(amount: string, currency: string, language: string): string {
  const [units = '0', cents = '00'] = amount.split('.');
  const grouped = new Intl.NumberFormat(language, { useGrouping: true }).format(BigInt(units));
  const separator =
    new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${currency} ${grouped}${separator}${cents.padEnd(2, '0')}`;
}
