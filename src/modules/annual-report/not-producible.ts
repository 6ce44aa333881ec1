// The figures of the published annual report that Passage cannot produce from its data yet, and why.
import type { NotProducible } from './annual-report-schemas.js';

const sections: { section: string; figures: string[]; reason: string }[] = [
  {
    section: 'resettlement',
    figures: [
      'refugees_resettled',
      'selection_missions',
      'pre_departure_orientation',
      'pre_embarkation_check',
      'ukrainian_and_tcn_transfers_from_moldova',
      'afghan_transfers_from_pakistan',
    ],
    reason:
      'There is no resettlement workflow yet (selection interview, IND decision, orientation, handover to COA); resettled refugees appear only as airport arrivals.',
  },
  {
    section: 'family_reunification',
    figures: ['family_members', 'unaccompanied_minors', 'extensive_medical_support'],
    reason:
      'There is no family reunification workflow yet; reunited family members appear only as airport arrivals.',
  },
  {
    section: 'dna_sampling',
    figures: ['samples', 'video_interviews', 'countries_include'],
    reason: 'DNA sampling appointments, chain of custody and video interviews are not recorded yet.',
  },
  {
    section: 'diaspora_cd4d2_2019_2023',
    figures: ['assignments', 'experts', 'host_institutions', 'physical', 'online', 'by_country'],
    reason: 'Diaspora assignments (host institutions, experts, assignments) are not recorded yet.',
  },
  {
    section: 'visa_centre',
    figures: ['visas_processed_2023_07_to_2024_04', 'most_common'],
    reason: 'The visa application centre workflow is not part of Passage yet.',
  },
  {
    section: 'social_inclusion',
    figures: ['learn', 'samen', 'moving_the_middle'],
    reason: 'Social inclusion projects (events, workshops, campaigns) are not recorded in Passage.',
  },
];

/** Every figure of the sections Passage does not cover, each with its reason. */
export function uncoveredSections(): NotProducible[] {
  return sections.flatMap(({ section, figures, reason }) =>
    figures.map((figure) => ({ figure: `${section}.${figure}`, reason })),
  );
}

export const EMBASSY_LETTERS: NotProducible = {
  figure: 'diplomatic_liaison.embassy_letters_more_than',
  reason: 'Letters to embassies are not recorded: the liaison records travel document requests only.',
};

/** Why the change against the previous year is missing. */
export function noPreviousYear(year: number): NotProducible {
  return {
    figure: 'avrr.change_vs_previous_year',
    reason: `The mission has no records before ${year}: there is no previous year to compare with.`,
  };
}
