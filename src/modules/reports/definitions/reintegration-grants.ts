import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/database.js';
import { caseFilter, periodEnd, periodStart } from '../report-sql.js';
import type { ReportDefinition } from '../report-types.js';

type GrantRow = {
  type: string;
  partner_ngo: string | null;
  currency: string;
  grants: string | number;
  cases: string | number;
  amount: string;
  disbursed_cash: string;
  disbursed_in_kind: string;
  remaining: string;
};

/** Reintegration grants made in the period by type (economic, medical, partner NGO), with what was paid out. */
export const reintegrationGrantsReport: ReportDefinition = {
  name: 'reintegration-grants',
  title: { en: 'Reintegration grants by type', nl: 'Herintegratiesteun per soort' },
  description: {
    en: 'Grants created in the period per type, partner NGO and currency: how many, for how many cases, the amount granted and what was disbursed in cash at departure and in kind after return (amounts are decimals in the grant’s currency). Office is the case’s office.',
    nl: 'Steun toegekend in de periode per soort, partner-ngo en valuta: aantal, aantal zaken, toegekend bedrag en wat contant bij vertrek en in natura na terugkeer is uitbetaald (bedragen in de valuta van de steun). Kantoor is het kantoor van de zaak.',
  },
  aggregate: true,
  columns: [
    { key: 'grantType', type: 'text', title: { en: 'Grant type', nl: 'Soort steun' }, hxl: '#activity+type' },
    {
      key: 'partnerNgo',
      type: 'text',
      title: { en: 'Partner NGO', nl: 'Partner-ngo' },
      hxl: '#org+impl+name',
    },
    { key: 'currency', type: 'text', title: { en: 'Currency', nl: 'Valuta' }, hxl: '#currency' },
    {
      key: 'grants',
      type: 'integer',
      title: { en: 'Grants', nl: 'Toekenningen' },
      hxl: '#indicator+grants+num',
    },
    { key: 'cases', type: 'integer', title: { en: 'Cases', nl: 'Zaken' }, hxl: '#affected+hh' },
    {
      key: 'amount',
      type: 'decimal',
      title: { en: 'Amount granted', nl: 'Toegekend bedrag' },
      hxl: '#value+granted',
    },
    {
      key: 'disbursedCash',
      type: 'decimal',
      title: { en: 'Disbursed in cash', nl: 'Contant uitbetaald' },
      hxl: '#value+disbursed+cash',
    },
    {
      key: 'disbursedInKind',
      type: 'decimal',
      title: { en: 'Disbursed in kind', nl: 'In natura uitbetaald' },
      hxl: '#value+disbursed+inkind',
    },
    {
      key: 'remaining',
      type: 'decimal',
      title: { en: 'Remaining', nl: 'Resterend' },
      hxl: '#value+remaining',
    },
  ],
  async run({ db, actor, params }) {
    const rows = await selectRows<GrantRow>(
      db,
      sql`select g.type, n.name as partner_ngo, g.currency, count(*) as grants,
            count(distinct g.case_id) as cases, sum(g.amount)::text as amount,
            sum(g.disbursed_cash)::text as disbursed_cash, sum(g.disbursed_in_kind)::text as disbursed_in_kind,
            sum(g.amount - g.disbursed_cash - g.disbursed_in_kind)::text as remaining
          from reintegration_grants g
          join cases on cases.mission_id = g.mission_id and cases.id = g.case_id
          left join partner_ngos n on n.mission_id = g.mission_id and n.id = g.partner_ngo_id
          where g.mission_id = ${actor.missionId}
            and g.created_at >= ${periodStart(actor, params)} and g.created_at < ${periodEnd(actor, params)}
            and ${caseFilter(actor, params)}
          group by g.type, n.name, g.currency
          order by g.type, n.name nulls first, g.currency`,
    );
    return rows.map((row) => ({
      grantType: row.type,
      partnerNgo: row.partner_ngo,
      currency: row.currency,
      grants: Number(row.grants),
      cases: Number(row.cases),
      amount: row.amount,
      disbursedCash: row.disbursed_cash,
      disbursedInKind: row.disbursed_in_kind,
      remaining: row.remaining,
    }));
  },
};
