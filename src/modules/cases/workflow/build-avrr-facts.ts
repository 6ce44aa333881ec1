// Test factory for AVRR facts: a case that passes every guard unless a test says otherwise.
import type { AvrrFacts } from './avrr-workflow.js';

export function buildAvrrFacts(overrides: Partial<AvrrFacts> = {}): AvrrFacts {
  return {
    status: 'registered',
    previousStatus: null,
    today: '2025-06-01',
    vulnerabilities: [],
    persons: [
      {
        id: 'p1',
        displayName: 'Amina Yusuf',
        travelDocuments: [{ kind: 'passport', validUntil: '2027-01-31' }],
      },
    ],
    guardianConfirmedHost: false,
    guardianConfirmedReturn: false,
    openBlockingTasks: [],
    eligibilityDecision: null,
    ...overrides,
  };
}
