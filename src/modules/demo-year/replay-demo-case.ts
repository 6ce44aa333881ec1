import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { createCase } from '../cases/create-case.js';
import { type CaseRow, loadCase } from '../cases/load-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { updateCase } from '../cases/update-case.js';
import { recordCounsellingSession } from '../counselling/record-counselling-session.js';
import type { SeededRandom } from '../demo/seeded-random.js';
import { decideEligibilityForStep } from '../eligibility/decide-eligibility-for-step.js';
import { recordVisit } from '../monitoring/record-visit.js';
import { confirmBooking } from '../movements/confirm-booking.js';
import { createBooking } from '../movements/create-booking.js';
import { ZCreateBooking } from '../movements/movements-schemas.js';
import { recordHandover } from '../movements/record-handover.js';
import { recordPassengerStatus } from '../movements/record-passenger-status.js';
import { bookingPassengers } from '../movements/schema.js';
import { createReferral, resolveReferralTarget } from '../partners/create-referral.js';
import { addIdentityDocument } from '../persons/add-identity-document.js';
import { createPerson } from '../persons/create-person.js';
import { ZAddIdentityDocument, ZCreatePerson } from '../persons/person-schemas.js';
import { createGrant, type GrantRow } from '../reintegration/create-grant.js';
import { finalisePlan } from '../reintegration/finalise-plan.js';
import { resolveGrantCaps } from '../reintegration/grant-caps.js';
import type { PlanRow } from '../reintegration/load-reintegration-case.js';
import { lockGrant, recordDisbursement } from '../reintegration/record-disbursement.js';
import { savePlan } from '../reintegration/save-plan.js';
import type { GrantType } from '../reintegration/schema.js';
import { changeRequestStatus, loadRequestForUpdate } from '../travel-documents/change-request-status.js';
import { createTravelDocumentRequest } from '../travel-documents/create-travel-document-request.js';
import { listCaseSteps } from '../vulnerability/step-records.js';
import { loadStepForUpdate, updateVulnerabilityStep } from '../vulnerability/update-vulnerability-step.js';
import { CaseSchedule, stepDetails } from './case-schedule.js';
import { DEMO_YEAR_PROJECT, type DemoYearMission } from './create-demo-year-mission.js';
import { dateOf, flight, instantOf } from './demo-year-clock.js';
import type { DemoYearTally } from './demo-year-tally.js';
import { airlines, MISSION_AIRPORT, returnCountry } from './demo-year-world.js';
import type { DemoPerson } from './plan-demo-people.js';
import type { CasePlan } from './plan-demo-year.js';

// What the counsellor records in the application interview.
const DECLARATIONS = {
  canPayOwnDeparture: false,
  intendsToLeavePermanently: true,
  agreesToEndProcedure: true,
  governmentObjection: false,
  dublinClaimant: false,
  travelDocumentObtainable: true,
};
const WITHDRAWAL_REASONS = [
  'The applicant decided to continue the asylum procedure.',
  'The applicant left the reception centre for an unknown destination.',
  'The applicant obtained a residence permit.',
];

export interface ReplayEnv {
  year: number;
  mission: DemoYearMission;
  rng: SeededRandom;
  tally: DemoYearTally;
}

/** Replays one planned case through the services, in the caller's transaction, and counts what it did. */
export async function replayDemoCase(base: ServiceContext, plan: CasePlan, env: ReplayEnv): Promise<void> {
  const { mission, tally, rng, year } = env;
  const counsellor = mission.counsellors[plan.counsellor]!;
  // Victims of trafficking are seen only by those who protect them: their officer takes every step
  // that the airport team, the liaison or the reintegration officer would take for anyone else.
  const staff =
    plan.kind === 'victim'
      ? {
          ...mission.staff,
          movements: mission.staff.vulnerable,
          reintegration: mission.staff.vulnerable,
          liaison: mission.staff.vulnerable,
        }
      : mission.staff;
  const s = new CaseSchedule(base, year);
  const officeId = mission.counsellingOfficeIds[counsellorOffice(mission, counsellor)]!;
  const originOfficeId = mission.originOfficeIds.get(plan.destination)!;
  let kase!: CaseRow;
  let planRow: PlanRow | null = null;
  const grants: GrantRow[] = [];
  const personIds: string[] = [];
  const move = async (ctx: ServiceContext, transition: string, reason?: string) => {
    kase = await transitionCase(ctx, kase.id, { transition, reason });
  };
  const d = plan.days;

  s.on(d.registered, counsellor, async (ctx) => {
    kase = await register(ctx, plan, { mission, officeId, counsellor, personIds });
    tally.cases += 1;
    tally.persons += plan.persons.length;
    await move(ctx, 'start_counselling');
  });
  for (const session of plan.sessions) {
    const by = mission.counsellors[session.counsellor]!;
    s.on(session.day, by, async (ctx) => {
      await recordCounsellingSession(ctx, kase, {
        heldOn: dateOf(year, session.day),
        ...(by.id === ctx.actor.id ? {} : { counsellorId: by.id }),
        language: session.language,
        interpreterUsed: session.interpreter,
        ...(session.interpreter ? { interpreterLanguage: session.language } : {}),
        topics: ['return_options', ...(plan.vulnerabilities.length > 0 ? (['vulnerability'] as const) : [])],
        outcome: 'decided_to_return',
      });
      tally.counsellingSessions += 1;
      tally.counsellors.add(by.id);
      if (!session.interpreter) tally.counsellorLanguages.add(session.language);
    });
  }

  if (plan.outcome === 'withdrawn') {
    s.on(d.stopped, counsellor, (ctx) => move(ctx, 'withdraw', rng.pick(WITHDRAWAL_REASONS)));
    return s.run();
  }
  if (plan.outcome !== 'open' || plan.openAt !== 'counselling') {
    s.on(d.submitted, counsellor, async (ctx) => {
      await move(ctx, 'submit_application');
      if (plan.outcome === 'open' && plan.openAt === 'application_submitted') return;
      const eligible = plan.outcome !== 'ineligible';
      await decideEligibilityForStep(ctx, kase, {
        eligible,
        declarations: eligible ? DECLARATIONS : { ...DECLARATIONS, dublinClaimant: true },
        justification: eligible
          ? 'Eligible on the counsellor’s assessment: victims of trafficking are assisted whatever their nationality.'
          : 'Dublin claimant: another member state is responsible.',
      });
      if (!eligible) {
        await move(ctx, 'decide_ineligible', 'Dublin claimant: another member state is responsible.');
        return;
      }
      await move(ctx, 'decide_eligible');
      await move(ctx, 'request_travel_documents');
    });
  }
  if (plan.outcome === 'ineligible') {
    s.on(d.stopped, counsellor, (ctx) => move(ctx, 'close'));
    return s.run();
  }
  if (plan.outcome === 'open') {
    if (plan.openAt === 'travel_documents') {
      s.on(d.stopped, staff.liaison, async (ctx) => {
        await requestDocument(ctx, kase, personIds[0]!, plan.persons[0]!, mission, dateOf(year, d.stopped));
        tally.travelDocumentRequests += 1;
      });
    }
    return s.run();
  }

  // From here on the case departs in the year.
  const requests: { id: string; country: string }[] = [];
  s.on(d.submitted, staff.liaison, async (ctx) => {
    for (const [i, person] of plan.persons.entries()) {
      if (!person.needsTravelDocument) continue;
      const id = await requestDocument(ctx, kase, personIds[i]!, person, mission, dateOf(year, d.submitted));
      requests.push({ id, country: person.nationality });
      tally.travelDocumentRequests += 1;
    }
  });
  if (plan.reintegrationPlan) {
    s.on(d.submitted, counsellor, async (ctx) => {
      planRow = await savePlan(ctx, kase, null, {
        supportKinds: plan.medicalGrant ? ['medical', 'business'] : ['business'],
        description:
          'Start a small business after return; in-kind support through the office in the country of return.',
        originOfficeId,
      });
    });
  }
  s.on(d.documentsIssued, staff.liaison, async (ctx) => {
    for (const { id, country } of requests) {
      const request = await loadRequestForUpdate(ctx.tx, ctx.actor, id);
      await changeRequestStatus(ctx, kase, request, {
        status: 'issued',
        documentKind: 'laissez_passer',
        documentNumber: `LP-${request.personId.slice(-6).toUpperCase()}`,
        validFrom: dateOf(year, d.documentsIssued),
        validUntil: dateOf(year + 1, d.documentsIssued),
      });
      tally.travelDocumentsIssued += 1;
      tally.travelDocumentCountries.add(country);
    }
  });
  if (plan.vulnerabilities.length > 0) {
    s.on(d.documentsIssued, staff.vulnerable, async (ctx) => {
      for (const step of await listCaseSteps(ctx.tx, kase.missionId, kase.id)) {
        if (step.status !== 'open') continue;
        const locked = await loadStepForUpdate(ctx.tx, ctx.actor, step.id);
        await updateVulnerabilityStep(ctx, kase, locked, {
          done: true,
          details: stepDetails(step.code, ctx.now),
        });
      }
    });
  }
  const departure = instantOf(year, d.departed, plan.departureMinute);
  let passengerIds: string[] = [];
  s.on(d.booked, staff.movements, async (ctx) => {
    const { segment } = await flight({
      airline: rng.pick(airlines),
      flightNumber: String(rng.int(100, 2999)),
      from: MISSION_AIRPORT,
      to: returnCountry(plan.destination).airport,
      departure,
    });
    const booking = await createBooking(
      ctx,
      kase,
      ZCreateBooking.parse({ pnr: pnr(rng), segments: [segment], kind: 'departure' }),
    );
    await confirmBooking(ctx, booking, kase);
    tally.bookings += 1;
    passengerIds = await passengersOf(ctx, booking.id);
  });
  if (plan.reintegrationPlan) {
    s.on(d.booked, staff.reintegration, async (ctx) => {
      planRow = await finalisePlan(ctx, kase, planRow!, planRow!.version);
      const grant = async (
        type: GrantType,
        amountPerPerson: number,
        cashPerPerson: number,
        partner?: number,
      ) => {
        const caps = await resolveGrantCaps(ctx.tx, { kase, type, date: dateOf(year, d.booked) });
        const n = plan.persons.length;
        grants.push(
          await createGrant(ctx, {
            kase,
            plan: planRow,
            caps,
            input: {
              type,
              fundingProject: DEMO_YEAR_PROJECT,
              currency: 'EUR',
              amount: `${amountPerPerson * n}.00`,
              cashAmount: `${cashPerPerson * n}.00`,
              ...(partner === undefined ? {} : { partnerNgoId: mission.partnerNgoIds[partner]! }),
            },
          }),
        );
      };
      if (plan.economicGrant) {
        await grant('economic', 1500, 300);
        tally.economicGrants += 1;
      }
      if (plan.medicalGrant) {
        await grant('medical', 1200, 0);
        tally.medicalGrants += 1;
      }
      if (plan.partnerGrant !== null) {
        await grant('partner_ngo', 750, 0, plan.partnerGrant);
        tally.partnerNgoGrants += 1;
        tally.partnerNgos.add(mission.partnerNgoIds[plan.partnerGrant]!);
      }
    });
  }
  s.onAt(departure.getTime() - 45 * 60_000, staff.movements, async (ctx) => {
    for (const passengerId of passengerIds) {
      await recordPassengerStatus(ctx, passengerId, { status: 'departed', afterNoShow: 'rebook' });
      tally.airportDeparturePassengers += 1;
    }
    tally.departedPersons += plan.persons.length;
    tally.destinationCountries.add(plan.destination);
    if (plan.kind === 'third_country') tally.thirdCountryWithPermit += 1;
    if (plan.kind === 'health') tally.healthNeedsDeparted += 1;
    if (plan.kind === 'minor') tally.minorsDeparted += 1;
    if (plan.kind === 'victim') {
      tally.victimsDeparted += 1;
      tally.victimCountries.add(plan.persons[0]!.nationality);
    }
  });
  s.onAt(departure.getTime() - 30 * 60_000, staff.reintegration, async (ctx) => {
    for (const grant of grants.filter((g) => Number(g.cashAmount) > 0)) {
      await disburse(ctx, kase, grant, 'cash_at_departure', grant.cashAmount, dateOf(year, d.departed));
    }
  });
  // The office in the country of return receives the travellers: their handover moves the case to arrived.
  s.on(d.arrived, staff.reintegration, async (ctx) => {
    for (const passengerId of passengerIds) {
      await recordHandover(ctx, passengerId, {
        receivingPartyKind: 'family_member',
        receivingPartyName: 'Family in the country of return',
        receivedBy: 'IOM office in the country of return',
      });
    }
  });
  if (plan.reintegrationPlan && d.reintegration !== null) {
    const reintegration = d.reintegration;
    s.on(reintegration, staff.reintegration, (ctx) => move(ctx, 'start_reintegration'));
    const paid = d.inKindPaid === null ? null : Math.max(d.inKindPaid, reintegration);
    if (paid !== null) {
      s.on(paid, staff.reintegration, async (ctx) => {
        for (const grant of grants) {
          const inKind = (Number(grant.amount) - Number(grant.cashAmount)).toFixed(2);
          if (Number(inKind) > 0) await disburse(ctx, kase, grant, 'in_kind', inKind, dateOf(year, paid));
        }
      });
    }
    if (d.monitored !== null) {
      const monitored = d.monitored;
      s.on(monitored, staff.reintegration, async (ctx) => {
        await move(ctx, 'start_monitoring');
        await recordVisit(ctx, kase, originOfficeId, {
          visitDate: dateOf(year, monitored),
          mode: 'in_person',
          notes: 'Visited the returnee at home and at the business started with the grant.',
        });
        tally.monitoringVisits += 1;
        tally.monitoringCountries.add(plan.destination);
      });
    }
  } else if (!plan.reintegrationPlan && d.closed !== null) {
    s.on(d.closed, staff.reintegration, (ctx) => move(ctx, 'close'));
  }
  return s.run();
}

function counsellorOffice(mission: DemoYearMission, counsellor: Actor): number {
  return mission.counsellingOfficeIds.indexOf(counsellor.roles[0]!.officeId!);
}

/** Registers the people and opens the case: referred by a partner, or registered by the counsellor. */
async function register(
  ctx: ServiceContext,
  plan: CasePlan,
  env: { mission: DemoYearMission; officeId: string; counsellor: Actor; personIds: string[] },
): Promise<CaseRow> {
  const { mission, officeId, counsellor, personIds } = env;
  let kase: CaseRow;
  if (plan.referral) {
    const target = await resolveReferralTarget(ctx, {
      partnerId: mission.partnerIds[plan.referral],
      officeId,
    });
    const { referral, persons } = await createReferral(ctx, target, {
      partnerReference: `${mission.code}-${plan.index + 1}`,
      persons: plan.persons.map(personInput),
      vulnerabilities: plan.vulnerabilities,
    });
    // Every planned person is new: a match with someone registered before would change the figures.
    if (persons.some((person) => person.matchedExisting)) {
      throw new Error(`Referral ${plan.index + 1} was matched to a person registered before`);
    }
    personIds.push(...persons.map((person) => person.id));
    const referred = await loadCase(ctx.tx, ctx.actor, referral.case.id, { forUpdate: true });
    kase = await updateCase(ctx, referred, {
      version: referred.version,
      assigneeId: counsellor.id,
      fundingProject: DEMO_YEAR_PROJECT,
    });
  } else {
    for (const person of plan.persons) personIds.push((await createPerson(ctx, personInput(person))).id);
    kase = await createCase(ctx, {
      programme: 'avrr',
      personIds,
      officeId,
      assigneeId: counsellor.id,
      referralSource: plan.referralSource,
      vulnerabilities: plan.vulnerabilities,
      fundingProject: DEMO_YEAR_PROJECT,
    });
  }
  const issued = dateOf(Number(ctx.now.toISOString().slice(0, 4)) - 3, 40);
  for (const [i, person] of plan.persons.entries()) {
    if (!person.needsTravelDocument) {
      await addIdentityDocument(
        ctx,
        personIds[i]!,
        document('passport', person.nationality, personIds[i]!, issued),
      );
    }
    if (person.residencePermit) {
      await addIdentityDocument(
        ctx,
        personIds[i]!,
        document('residence_permit', person.residencePermit, personIds[i]!, issued),
      );
    }
  }
  return kase;
}

function personInput(person: DemoPerson) {
  return ZCreatePerson.parse({
    givenName: person.givenName,
    familyName: person.familyName,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    dateOfBirthPrecision: person.dateOfBirthPrecision,
    nationalities: [person.nationality],
    languages: person.languages,
    preferredLanguage: person.languages[0],
    phone: person.phone,
  });
}

function document(kind: 'passport' | 'residence_permit', country: string, personId: string, issued: string) {
  const validUntil = `${Number(issued.slice(0, 4)) + 10}${issued.slice(4)}`;
  return ZAddIdentityDocument.parse({
    kind,
    number: `${kind === 'passport' ? 'P' : 'RP'}${personId.replace(/-/g, '').slice(-8).toUpperCase()}`,
    issuingCountry: country,
    validFrom: issued,
    validUntil,
  });
}

async function requestDocument(
  ctx: ServiceContext,
  kase: CaseRow,
  personId: string,
  person: DemoPerson,
  mission: DemoYearMission,
  requestedOn: string,
): Promise<string> {
  const embassyId = mission.embassyIds.get(person.nationality);
  if (!embassyId) throw new Error(`No embassy of ${person.nationality}`);
  const request = await createTravelDocumentRequest(ctx, kase, { personId, embassyId, requestedOn });
  return request.id;
}

async function disburse(
  ctx: ServiceContext,
  kase: CaseRow,
  grant: GrantRow,
  part: 'cash_at_departure' | 'in_kind',
  amount: string,
  paidOn: string,
): Promise<void> {
  const locked = await lockGrant(ctx, kase, grant.id);
  await recordDisbursement(ctx, {
    kase,
    grant: locked,
    input: {
      part,
      method: part === 'in_kind' ? 'in_kind' : 'cash',
      currency: 'EUR',
      amount,
      rateToEur: '1',
      paidOn,
    },
  });
}

// The passengers as the booking service wrote them: read, so the departure can be marked per person.
async function passengersOf(ctx: ServiceContext, bookingId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: bookingPassengers.id })
    .from(bookingPassengers)
    .where(
      and(eq(bookingPassengers.missionId, ctx.actor.missionId), eq(bookingPassengers.bookingId, bookingId)),
    )
    .orderBy(asc(bookingPassengers.position));
  return rows.map((row) => row.id);
}

function pnr(rng: SeededRandom): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
}
