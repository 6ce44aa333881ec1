import type { FastifyPluginAsync } from 'fastify';
import { annualReportRoutes } from './annual-report/annual-report-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { caseActivityRoutes } from './cases/case-activity-routes.js';
import { caseRoutes } from './cases/case-routes.js';
import { registerRestrictedCaseReadLog } from './cases/restricted-case-reads.js';
import { casePersonRestriction } from './cases/restricted-persons.js';
import { consentRoutes } from './consent/consent-routes.js';
import { counsellingRoutes } from './counselling/counselling-routes.js';
import { eligibilityRoutes } from './eligibility/eligibility-routes.js';
import { emissionsRoutes } from './emissions/emissions-routes.js';
import { historyImportRoutes } from './history-import/history-import-routes.js';
import { messagingRoutes } from './messaging/messaging-routes.js';
import { monitoringRoutes } from './monitoring/monitoring-routes.js';
import { movementsRoutes } from './movements/movements-routes.js';
import { missionRoutes } from './organisation/mission-routes.js';
import { organisationRoutes } from './organisation/organisation-routes.js';
import { partnersModuleRoutes } from './partners/referral-routes.js';
import { personRoutes } from './persons/person-routes.js';
import { privacyRoutes } from './privacy/privacy-routes.js';
import { reintegrationRoutes } from './reintegration/reintegration-routes.js';
import { reportsRoutes } from './reports/reports-routes.js';
import { retentionRoutes } from './retention/retention-routes.js';
import { subjectAccessRoutes } from './subject-access/subject-access-routes.js';
import { travelDocumentRoutes } from './travel-documents/travel-document-routes.js';
import { missionCreationRoutes } from './users/mission-routes.js';
import { userRoutes } from './users/user-routes.js';
import { vulnerabilityRoutes } from './vulnerability/vulnerability-routes.js';

/** Whether a person consented to a purpose: the check every transfer of their data makes. */
export { consentState, hasConsent } from './consent/consent-state.js';

/** Every domain module's routes, mounted under /api/v1. */
export const registerModules: FastifyPluginAsync = async (app) => {
  // Before any route: every module's reads of a restricted case go to the access log.
  registerRestrictedCaseReadLog(app);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(auditRoutes);
  await app.register(organisationRoutes);
  await app.register(missionRoutes);
  await app.register(userRoutes);
  await app.register(missionCreationRoutes);
  await app.register(personRoutes, { restriction: casePersonRestriction });
  await app.register(caseRoutes);
  await app.register(caseActivityRoutes);
  await app.register(privacyRoutes);
  await app.register(consentRoutes);
  await app.register(eligibilityRoutes);
  await app.register(reintegrationRoutes);
  await app.register(monitoringRoutes);
  await app.register(vulnerabilityRoutes);
  await app.register(counsellingRoutes);
  await app.register(travelDocumentRoutes);
  await app.register(messagingRoutes);
  await app.register(partnersModuleRoutes);
  await app.register(movementsRoutes);
  await app.register(emissionsRoutes);
  await app.register(reportsRoutes);
  await app.register(annualReportRoutes);
  await app.register(retentionRoutes);
  await app.register(subjectAccessRoutes);
  await app.register(historyImportRoutes);
};
