import { describe, expect, it } from 'vitest';
import { CONTACT_AND_TEXT_KEYS, REMOVED, redactPersonalData } from './personal-data.js';

describe('redactPersonalData', () => {
  it('removes names, aliases, phone and document numbers at any depth and keeps the year of birth', () => {
    const person = {
      givenName: 'Amina',
      familyName: 'Haddad',
      givenNameNative: null,
      aliases: ['Mina'],
      phone: '+31612345678',
      sex: 'female',
      dateOfBirth: '1990-04-12',
      nationalities: ['IQ'],
      documents: [{ kind: 'passport', number: 'P1234567', issuingCountry: 'IQ' }],
    };
    expect(redactPersonalData({ person, version: 2 })).toEqual({
      person: {
        givenName: REMOVED,
        familyName: REMOVED,
        givenNameNative: null,
        aliases: [],
        phone: REMOVED,
        sex: 'female',
        dateOfBirth: '1990',
        nationalities: ['IQ'],
        documents: [{ kind: 'passport', number: REMOVED, issuingCountry: 'IQ' }],
      },
      version: 2,
    });
  });

  it('leaves statuses and template texts alone in the audit trail, and removes them from a record on request', () => {
    const entry = { from: 'registered', to: 'counselling', body: 'Your flight {flight}' };
    expect(redactPersonalData(entry)).toEqual(entry);
    expect(redactPersonalData({ to: '+31612345678', text: 'Hello Amina' }, CONTACT_AND_TEXT_KEYS)).toEqual({
      to: REMOVED,
      text: REMOVED,
    });
  });
});
