import { describe, expect, it } from 'vitest';
import { parseReferralCsv } from './referral-csv.js';

const partnerId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const HEADER =
  'partner_reference,given_name,family_name,sex,date_of_birth,date_of_birth_precision,nationalities';

describe('parseReferralCsv', () => {
  it.each([
    ['a valid row', 'R1,Ali,Rezai,male,1990-02-03,exact,AF', 1, []],
    ['a year-only date of birth', 'R1,Ali,Rezai,male,1990,year,AF', 1, []],
    ['several nationalities', 'R1,Ali,Rezai,male,1990-02-03,exact,AF;IR', 1, []],
    ['an unknown sex', 'R1,Ali,Rezai,robot,1990-02-03,exact,AF', 0, [[2, 'sex']]],
    ['an unknown country', 'R1,Ali,Rezai,male,1990-02-03,exact,XX', 0, [[2, 'nationalities']]],
    ['a missing family name', 'R1,Ali,,male,1990-02-03,exact,AF', 0, [[2, 'family_name']]],
    ['a missing reference', ',Ali,Rezai,male,1990-02-03,exact,AF', 0, [[2, 'partner_reference']]],
  ])('reads %s', (_name, row, referrals, problems) => {
    const parsed = parseReferralCsv(`${HEADER}\n${row}\n`, partnerId);
    expect(parsed.fatal).toBeNull();
    expect(parsed.referrals).toHaveLength(referrals);
    expect(parsed.problems.map((p) => [p.row, p.field])).toEqual(problems);
  });

  it('groups rows sharing a reference into one family, principal first, and rejects the family whole', () => {
    const parsed = parseReferralCsv(
      [
        HEADER,
        'F1,Hamid,Karimi,male,1985-03-02,exact,AF',
        'F2,Lina,Haddad,female,1990-01-01,exact,SY',
        'F1,Zahra,Karimi,female,1987-09-10,exact,AF',
        'F2,Sami,Haddad,x,2015-01-01,exact,SY',
      ].join('\n'),
      partnerId,
    );
    expect(parsed.total).toBe(4);
    expect(
      parsed.referrals.map((r) => [
        r.input.partnerReference,
        r.rows,
        r.input.persons.map((p) => p.givenName),
      ]),
    ).toEqual([['F1', [2, 4], ['Hamid', 'Zahra']]]);
    expect(parsed.problems.map((p) => [p.row, p.field])).toEqual([[5, 'sex']]);
  });

  it.each([
    ['an empty file', '', 'The file has no data rows.'],
    [
      'missing columns',
      'given_name,family_name\nA,B',
      'Missing columns: partner_reference, sex, date_of_birth_precision.',
    ],
    ['broken quoting', `${HEADER}\n"R1,Ali`, 'The file is not valid CSV'],
  ])('refuses %s as a whole', (_name, text, message) => {
    expect(parseReferralCsv(text, partnerId).fatal).toContain(message);
  });
});
