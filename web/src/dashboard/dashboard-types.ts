/** The dashboard as GET /api/v1/dashboard answers it. */
export interface DashboardData {
  generatedAt: string;
  filters: { officeId: string | null; programme: string | null; from: string; to: string };
  openCaseload: {
    total: number;
    byProgrammeStatus: { programme: string; status: string; count: number }[];
    byOffice: { officeId: string; officeName: string; count: number }[];
    byAssignee: { assigneeId: string | null; displayName: string | null; count: number }[];
  };
  overdueTasks: { total: number; byOffice: { officeId: string; officeName: string; count: number }[] };
  departuresPerWeek: { weekStart: string; cases: number; persons: number }[];
  topDestinations: {
    country: string | null;
    name: { en: string; nl: string } | null;
    cases: number;
    persons: number;
  }[];
  vulnerableCases: { category: string; count: number }[];
  grants: {
    type: string;
    currency: string;
    grants: number;
    amount: string;
    disbursed: string;
    disbursedPercent: string;
  }[];
  travelDocumentsPending: { embassyId: string; country: string; city: string; pending: number }[];
}
