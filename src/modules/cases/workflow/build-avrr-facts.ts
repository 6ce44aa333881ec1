// Test factory for AVRR facts: a case that passes every guard unless a test says otherwise.
import type { AvrrFacts } from './avrr-workflow.js';

export function buildAvrrFacts(overrides: Partial<AvrrFacts> = {}): AvrrFacts {
  // Unless a test says otherwise, everyone of the case has a seat on a confirmed booking.
  const ids = (overrides.persons ?? [{ id: 'p1' }]).map((person) => person.id);
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
    movements: { seated: ids, onConfirmedBooking: ids, departed: [], arrived: [] },
    ...overrides,
  };
}
