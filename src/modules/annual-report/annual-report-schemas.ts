import { z } from 'zod';

const ZCount = z.number().int().nonnegative();
const ZCountries = z.array(z.string()).describe('ISO 3166-1 alpha-2 codes, sorted');

export const ZAnnualReportQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('The calendar year (mission time); the previous year when left out'),
});

export const ZAnnualReportExportQuery = ZAnnualReportQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  language: z.enum(['en', 'nl']).optional(),
});

export const ZNotProducible = z.object({
  figure: z.string().describe('The path of the figure in the report, e.g. resettlement.refugees_resettled'),
  reason: z.string(),
});
export type NotProducible = z.infer<typeof ZNotProducible>;

export const ZPolicyChange = z.object({
  reincluded_for_regular_reintegration: ZCountries,
});

/**
 * The annual report in the structure of the published one (shared reference
 * annual-report-2023.json). A figure Passage cannot produce yet is null and listed, with the
 * reason, in `not_producible`. Threshold figures ("more than", "at least") carry the actual count.
 */
export const ZAnnualReport = z.object({
  year: z.number().int(),
  generated_at: z.iso.datetime(),
  avrr: z.object({
    departed: ZCount,
    destination_countries: ZCount,
    of_which_resettled_to_third_country_with_residence_permit: ZCount,
    change_vs_previous_year: z.number().int().nullable(),
    counsellors: ZCount,
    counsellor_languages_at_least: ZCount,
    information_sessions_more_than: ZCount,
    network_meetings_at_least: ZCount,
    monitoring_visits: z.object({ count: ZCount, countries: ZCountries }),
    unaccompanied_minors_returned: ZCount,
    migrants_with_health_needs: ZCount,
    victims_of_trafficking: z.object({ count: ZCount, countries_of_origin: ZCountries }),
  }),
  reintegration: z
    .object({
      economic_grants: ZCount,
      economic_grant_payment: z.string().nullable(),
      medical_grants: ZCount,
      on_behalf_of_partner_ngos: z.object({ count: ZCount, partners: z.array(z.string()) }),
    })
    .catchall(ZPolicyChange)
    .describe('policy_change_<yyyy>_<mm>: countries re-included for reintegration from that month'),
  diplomatic_liaison: z.object({
    embassy_letters_more_than: ZCount.nullable(),
    travel_documents: ZCount,
    travel_document_countries: ZCount,
  }),
  airport: z.object({ beneficiaries: ZCount, departures: ZCount, transits: ZCount, arrivals: ZCount }),
  resettlement: z.null(),
  family_reunification: z.null(),
  dna_sampling: z.null(),
  diaspora_cd4d2_2019_2023: z.null(),
  visa_centre: z.null(),
  social_inclusion: z.null(),
  not_producible: z.array(ZNotProducible),
});
export type AnnualReport = z.infer<typeof ZAnnualReport>;
