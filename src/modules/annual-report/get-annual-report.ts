import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { loadPolicyInForce } from '../eligibility/policy-store.js';
import { airportMovementsReport } from '../reports/definitions/airport-movements.js';
import { departuresByVulnerabilityReport } from '../reports/definitions/departures-by-vulnerability.js';
import { monitoringVisitsReport } from '../reports/definitions/monitoring-visits.js';
import { outreachReport } from '../reports/definitions/outreach.js';
import { reintegrationGrantsReport } from '../reports/definitions/reintegration-grants.js';
import type { ReportParams, ReportRow } from '../reports/report-types.js';
import { runReport } from '../reports/run-report.js';
import {
  countCounselling,
  countDepartures,
  countTravelDocuments,
  economicGrantParts,
  hasEarlierRecords,
} from './annual-report-queries.js';
import type { AnnualReport, NotProducible } from './annual-report-schemas.js';
import { EMBASSY_LETTERS, noPreviousYear, uncoveredSections } from './not-producible.js';

const sum = (rows: ReportRow[], key: string, where: (row: ReportRow) => boolean = () => true) =>
  rows.filter(where).reduce((total, row) => total + Number(row[key] ?? 0), 0);

/** The period of a calendar year, as the report catalogue takes it. */
export function yearParams(year: number): ReportParams {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The annual report of the actor's mission for a calendar year, computed from the case data: the
 * report catalogue's queries where they give the figure, the annual report's own SQL elsewhere.
 */
export async function getAnnualReport(
  db: Executor,
  actor: Actor,
  year: number,
  now: Date,
): Promise<AnnualReport> {
  const params = yearParams(year);
  const run = (report: Parameters<typeof runReport>[2], programme?: string) =>
    runReport(db, actor, report, programme ? { ...params, programme } : params, 'en');
  const [departures, vulnerable, grants, airport, monitoring, outreach] = await Promise.all([
    countDepartures(db, actor, params),
    run(departuresByVulnerabilityReport, 'avrr'),
    run(reintegrationGrantsReport),
    run(airportMovementsReport),
    run(monitoringVisitsReport),
    run(outreachReport),
  ]);
  const [documents, counselling, parts, earlier] = await Promise.all([
    countTravelDocuments(db, actor, params),
    countCounselling(db, actor, params),
    economicGrantParts(db, actor, params),
    hasEarlierRecords(db, actor, params),
  ]);
  const notProducible: NotProducible[] = [];
  let change: number | null = null;
  if (earlier) {
    const previous = await countDepartures(db, actor, yearParams(year - 1));
    change = departures.departed - previous.departed;
  } else {
    notProducible.push(noPreviousYear(year));
  }
  notProducible.push(EMBASSY_LETTERS, ...uncoveredSections());
  const category = (code: string) => vulnerable.find((row) => row.category === code);
  const victims = category('victim_of_trafficking');
  const grantsOf = (type: string) => sum(grants, 'grants', (row) => row.grantType === type);
  const partners = [
    ...new Set(grants.filter((row) => row.grantType === 'partner_ngo').map((row) => String(row.partnerNgo))),
  ].sort();
  const completed = (kind: string) => sum(airport, 'completed', (row) => row.kind === kind);
  const airportFigures = {
    departures: completed('departure'),
    transits: completed('transit'),
    arrivals: completed('arrival'),
  };
  return {
    year,
    generated_at: now.toISOString(),
    avrr: {
      departed: departures.departed,
      destination_countries: departures.destinationCountries,
      of_which_resettled_to_third_country_with_residence_permit: departures.thirdCountryWithPermit,
      change_vs_previous_year: change,
      counsellors: counselling.counsellors,
      counsellor_languages_at_least: counselling.languages,
      information_sessions_more_than: sum(outreach, 'informationSessions'),
      network_meetings_at_least: sum(outreach, 'networkMeetings'),
      monitoring_visits: {
        count: sum(monitoring, 'visits'),
        countries: monitoring.map((row) => String(row.country)).sort(),
      },
      unaccompanied_minors_returned: Number(category('unaccompanied_minor')?.persons ?? 0),
      migrants_with_health_needs: Number(category('health_needs')?.persons ?? 0),
      victims_of_trafficking: {
        count: Number(victims?.persons ?? 0),
        countries_of_origin: String(victims?.countriesOfOrigin ?? '')
          .split(' ')
          .filter(Boolean)
          .sort(),
      },
    },
    reintegration: Object.assign(
      {
        economic_grants: grantsOf('economic'),
        economic_grant_payment: describeParts(parts),
        medical_grants: grantsOf('medical'),
        on_behalf_of_partner_ngos: { count: grantsOf('partner_ngo'), partners },
      },
      await policyChanges(db, actor, year),
    ) as AnnualReport['reintegration'],
    diplomatic_liaison: {
      embassy_letters_more_than: null,
      travel_documents: documents.issued,
      travel_document_countries: documents.countries,
    },
    airport: {
      beneficiaries: airportFigures.departures + airportFigures.transits + airportFigures.arrivals,
      ...airportFigures,
    },
    resettlement: null,
    family_reunification: null,
    dna_sampling: null,
    diaspora_cd4d2_2019_2023: null,
    visa_centre: null,
    social_inclusion: null,
    not_producible: notProducible,
  };
}

// The published wording when every economic grant has both parts; otherwise the split in numbers.
function describeParts(parts: Awaited<ReturnType<typeof economicGrantParts>>): string | null {
  if (parts.total === 0) return null;
  const both = 'partially cash upon departure, partially in kind after return';
  if (parts.both === parts.total) return both;
  return `${parts.both} ${both}; ${parts.inKindOnly} in kind only; ${parts.cashOnly} cash only`;
}

/**
 * The countries the policy in force at the end of the year took off the reintegration exclusion
 * list during the year, keyed by the month from which they were re-included (policy_change_2023_07).
 */
async function policyChanges(
  db: Executor,
  actor: Actor,
  year: number,
): Promise<Record<string, { reincluded_for_regular_reintegration: string[] }>> {
  const policy = await loadPolicyInForce(db, actor.missionId, `${year}-12-31`);
  if (!policy) return {};
  const changes: Record<string, string[]> = {};
  for (const rule of policy.countryRules) {
    if (rule.list !== 'reintegration_excluded' || !rule.validTo) continue;
    const from = new Date(Date.parse(`${rule.validTo}T00:00:00Z`) + 86_400_000).toISOString();
    if (Number(from.slice(0, 4)) !== year) continue;
    const key = `policy_change_${from.slice(0, 4)}_${from.slice(5, 7)}`;
    changes[key] = [...(changes[key] ?? []), rule.country];
  }
  return Object.fromEntries(
    Object.entries(changes).map(([key, countries]) => [
      key,
      {
        reincluded_for_regular_reintegration: [...new Set(countries)].sort(),
      },
    ]),
  );
}
