import { airportMovementsReport } from './definitions/airport-movements.js';
import { avrrDeparturesReport } from './definitions/avrr-departures.js';
import { departuresByVulnerabilityReport } from './definitions/departures-by-vulnerability.js';
import { monitoringVisitsReport } from './definitions/monitoring-visits.js';
import { outreachReport } from './definitions/outreach.js';
import { reintegrationGrantsReport } from './definitions/reintegration-grants.js';
import { travelDocumentsReport } from './definitions/travel-documents.js';
import type { ReportDefinition } from './report-types.js';

/** Every report Passage can run, in the order the catalogue lists them. */
export const reportCatalogue: readonly ReportDefinition[] = [
  avrrDeparturesReport,
  departuresByVulnerabilityReport,
  reintegrationGrantsReport,
  travelDocumentsReport,
  airportMovementsReport,
  outreachReport,
  monitoringVisitsReport,
];

/** The report of that name, or undefined. */
export function findReport(name: string): ReportDefinition | undefined {
  return reportCatalogue.find((report) => report.name === name);
}

/** The parameters every report accepts, as the catalogue describes them. */
export const reportParameters = [
  {
    name: 'from',
    type: 'date',
    required: false,
    title: {
      en: 'From (inclusive; default 1 January of this year)',
      nl: 'Van (inclusief; standaard 1 januari van dit jaar)',
    },
  },
  {
    name: 'to',
    type: 'date',
    required: false,
    title: { en: 'To (inclusive; default today)', nl: 'Tot en met (standaard vandaag)' },
  },
  { name: 'officeId', type: 'uuid', required: false, title: { en: 'Office', nl: 'Kantoor' } },
  { name: 'programme', type: 'text', required: false, title: { en: 'Programme', nl: 'Programma' } },
] as const;
