import type { Office, ReferralSource, UserSummary } from './types.js';
import { useApi } from './use-api.js';

/** Offices of the mission, for pickers and filters. */
export function useOffices() {
  const state = useApi<{ items: Office[] }>('/offices');
  return { offices: state.data?.items ?? [], error: state.error };
}

/** Users of the mission, for assignee pickers. */
export function useUsers() {
  const state = useApi<{ items: UserSummary[] }>('/users');
  return { users: state.data?.items ?? [], error: state.error };
}

/** Referral sources (DT&V, COA, police, ...). */
export function useReferralSources() {
  const state = useApi<{ items: ReferralSource[] }>('/referral-sources');
  return { sources: state.data?.items ?? [], error: state.error };
}
