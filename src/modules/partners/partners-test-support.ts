import type { TestMission } from '../../test-support/build-mission.js';
import type { Client, TestApp } from '../../test-support/test-app.js';

/** A partner recorded through the API by the mission's administrator. */
export async function createTestPartner(t: TestApp, mission: TestMission, name = 'COA Ter Apel') {
  const admin = await t.as(mission.users.admin);
  const response = await admin.post('/api/v1/partners', {
    name,
    kind: 'reception_agency',
    referralSource: 'reception_agency',
    defaultOfficeId: mission.offices.hague.id,
  });
  if (response.statusCode !== 201) throw new Error(`partner: ${response.statusCode} ${response.body}`);
  return { admin, partner: response.json() as { id: string; name: string } };
}

/** An API key for the partner with the given scopes; returns the key and a client that sends it. */
export async function issueKey(t: TestApp, admin: Client, partnerId: string, scopes: string[]) {
  const response = await admin.post(`/api/v1/partners/${partnerId}/api-keys`, {
    name: 'integration',
    scopes,
  });
  if (response.statusCode !== 201) throw new Error(`api key: ${response.statusCode} ${response.body}`);
  const created = response.json() as { id: string; key: string };
  const request = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${created.key}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    ...created,
    get: (url: string) => request('GET', url),
    post: (url: string, body: unknown) => request('POST', url, body),
  };
}

/** A referral of one adult, as a partner would send it. */
export function referralBody(partnerReference: string, overrides: Record<string, unknown> = {}) {
  return {
    partnerReference,
    persons: [
      {
        givenName: 'Yonas',
        familyName: 'Tesfaye',
        sex: 'male',
        dateOfBirth: '1991-06-01',
        dateOfBirthPrecision: 'exact',
        nationalities: ['ER'],
        languages: ['ti'],
        preferredLanguage: 'ti',
        phone: '+31612345678',
      },
    ],
    ...overrides,
  };
}
