// Every reason an eligibility decision can give, in plain English and Dutch.
import type { LocalizedText } from '../cases/workflow/index.js';
import { countryName } from './country-names.js';

/** What a reason does to the outcome. */
export type ReasonEffect = 'refuses_return' | 'refuses_reintegration' | 'grants' | 'note';

/** One reason of a decision; personId when it concerns one person of the case. */
export interface EligibilityReason {
  code: string;
  effect: ReasonEffect;
  personId?: string;
  message: LocalizedText;
}

const names = (codes: readonly string[]) => {
  const list = codes.map(countryName);
  return { en: list.map((n) => n.en).join(', '), nl: list.map((n) => n.nl).join(', ') };
};

/** The reason texts, each a function of what it names. */
export const reasons = {
  nationalityExcluded: (who: string, codes: string[], since: string | null): LocalizedText => {
    const n = names(codes);
    return since
      ? {
          en: `${who} is a national of ${n.en}, excluded from return support since ${since}.`,
          nl: `${who} heeft de nationaliteit van ${n.nl}, sinds ${since} uitgesloten van terugkeerondersteuning.`,
        }
      : {
          en: `${who} is a national of ${n.en}, which is on the exclusion list for return support.`,
          nl: `${who} heeft de nationaliteit van ${n.nl}, dat op de uitsluitingslijst voor terugkeerondersteuning staat.`,
        };
  },
  permitExcluded: (who: string, codes: string[]): LocalizedText => {
    const n = names(codes);
    return {
      en: `${who} holds a valid residence permit of ${n.en}, which is on the exclusion list for return support.`,
      nl: `${who} heeft een geldige verblijfsvergunning van ${n.nl}, dat op de uitsluitingslijst voor terugkeerondersteuning staat.`,
    };
  },
  ukraineException: (who: string): LocalizedText => ({
    en: `${who} is a third-country national who fled Ukraine: the Ukrainian permit does not exclude them (rule since 2022).`,
    nl: `${who} is een derdelander die uit Oekraïne is gevlucht: de Oekraïense vergunning sluit niet uit (regel sinds 2022).`,
  }),
  nationalityUnknown: (who: string): LocalizedText => ({
    en: `No nationality is recorded for ${who}, so the country lists could not be checked.`,
    nl: `Voor ${who} is geen nationaliteit vastgelegd, dus de landenlijsten konden niet worden gecontroleerd.`,
  }),
  returnAllowed: (who: string): LocalizedText => ({
    en: `${who} may receive return support.`,
    nl: `${who} komt in aanmerking voor terugkeerondersteuning.`,
  }),
  earlierDeparture: (
    who: string,
    d: { departedOn: string; reference: string; similar: boolean },
    years: number,
  ) =>
    d.similar
      ? {
          en: `A person with a very similar name, the same date of birth and a shared nationality as ${who} departed with assisted return on ${d.departedOn} (case ${d.reference}), within the last ${years} years.`,
          nl: `Iemand met een zeer gelijkende naam, dezelfde geboortedatum en een gedeelde nationaliteit als ${who} is op ${d.departedOn} met ondersteunde terugkeer vertrokken (zaak ${d.reference}), binnen de laatste ${years} jaar.`,
        }
      : {
          en: `${who} already departed with assisted return on ${d.departedOn} (case ${d.reference}), within the last ${years} years.`,
          nl: `${who} is al op ${d.departedOn} met ondersteunde terugkeer vertrokken (zaak ${d.reference}), binnen de laatste ${years} jaar.`,
        },
  yearsRuleMissing: (): LocalizedText => ({
    en: 'The policy sets no period for earlier assisted departures, so none was checked.',
    nl: 'Het beleid stelt geen termijn voor eerdere ondersteunde vertrekken, dus daarop is niet gecontroleerd.',
  }),
  reintegrationExcluded: (who: string, codes: string[]): LocalizedText => {
    const n = names(codes);
    return {
      en: `${who} is a national of ${n.en}, not eligible for reintegration support on this date.`,
      nl: `${who} heeft de nationaliteit van ${n.nl}, op deze datum niet in aanmerking voor re-integratieondersteuning.`,
    };
  },
  reintegrationAllowed: (who: string): LocalizedText => ({
    en: `${who} may receive reintegration support.`,
    nl: `${who} komt in aanmerking voor re-integratieondersteuning.`,
  }),
  travelDocumentToObtain: (who: string): LocalizedText => ({
    en: `${who} has no valid travel document yet; one must be obtained before travel.`,
    nl: `${who} heeft nog geen geldig reisdocument; dat moet vóór de reis worden verkregen.`,
  }),
  travelDocumentUnobtainable: (who: string): LocalizedText => ({
    en: `${who} has no valid travel document and cannot obtain one.`,
    nl: `${who} heeft geen geldig reisdocument en kan er ook geen krijgen.`,
  }),
  dateOfBirthUnknown: (who: string): LocalizedText => ({
    en: `The date of birth of ${who} is unknown; the amounts treat them as an adult.`,
    nl: `De geboortedatum van ${who} is onbekend; de bedragen gaan uit van een volwassene.`,
  }),
  canPay: (): LocalizedText => ({
    en: 'The applicant can pay for the departure themselves.',
    nl: 'De aanvrager kan het vertrek zelf betalen.',
  }),
  notPermanent: (): LocalizedText => ({
    en: 'The applicant does not intend to leave permanently.',
    nl: 'De aanvrager is niet van plan blijvend te vertrekken.',
  }),
  procedureNotEnded: (): LocalizedText => ({
    en: 'The applicant does not agree to end the residence permit or pending procedure.',
    nl: 'De aanvrager stemt er niet mee in de verblijfsvergunning of lopende procedure te beëindigen.',
  }),
  procedureUnrecorded: (): LocalizedText => ({
    en: 'It is not yet recorded whether the applicant agrees to end the residence permit or pending procedure.',
    nl: 'Nog niet vastgelegd of de aanvrager instemt met het beëindigen van de verblijfsvergunning of lopende procedure.',
  }),
  governmentObjection: (): LocalizedText => ({
    en: 'The government objects to assisted return for this applicant.',
    nl: 'De overheid heeft bezwaar tegen ondersteunde terugkeer van deze aanvrager.',
  }),
  dublinClaimant: (): LocalizedText => ({
    en: 'The applicant is a Dublin claimant, excluded in principle (an officer may override with a justification).',
    nl: 'De aanvrager is een Dublinclaimant, in beginsel uitgesloten (een medewerker kan dit met een motivering overrulen).',
  }),
  noPolicy: (date: string): LocalizedText => ({
    en: `No policy was in force on ${date}.`,
    nl: `Op ${date} was geen beleid van kracht.`,
  }),
  amountUnknown: (item: string): LocalizedText => ({
    en: `The amount for ${item.replaceAll('_', ' ')} is not known yet; set it in the policy.`,
    nl: `Het bedrag voor ${item.replaceAll('_', ' ')} is nog niet bekend; leg het vast in het beleid.`,
  }),
  undatedTariff: (item: string): LocalizedText => ({
    en: `The start date of the ${item.replaceAll('_', ' ')} tariff is unknown, so it is not applied.`,
    nl: `De ingangsdatum van het tarief ${item.replaceAll('_', ' ')} is onbekend, dus het wordt niet toegepast.`,
  }),
};
