import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { type FormPart, multipartBody } from '../../test-support/multipart-body.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { checkUpload, detectContentType, sanitiseFilename } from './upload-document.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << >> endobj\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90), Buffer.from([0, 0, 0, 0])]);

async function upload(user: { id: string }, caseId: string, parts: FormPart[]) {
  const client = await t.as(user);
  return client.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    ...multipartBody(parts),
  });
}

const pdfParts = (data = PDF, filename = 'consent form.pdf'): FormPart[] => [
  { name: 'kind', value: 'consent' },
  { name: 'file', filename, contentType: 'application/pdf', data },
];

describe('case documents', () => {
  it('uploads, lists and downloads a document with its SHA-256, timeline event and audit entries', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const response = await upload(mission.users.counsellor, kase.id, pdfParts());
    expect(response.statusCode).toBe(201);
    const document = response.json().document;
    expect(document).toMatchObject({
      caseId: kase.id,
      filename: 'consent form.pdf',
      kind: 'consent',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: { id: mission.users.counsellor.id, displayName: mission.users.counsellor.displayName },
    });

    const client = await t.as(mission.users.counsellor);
    const list = await client.get(`/api/v1/cases/${kase.id}/documents`);
    expect(list.json().items).toEqual([document]);

    for (const url of [
      `/api/v1/cases/${kase.id}/documents/${document.id}/content`,
      `/api/v1/documents/${document.id}/content`,
    ]) {
      const download = await client.get(url);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="consent form.pdf"/);
    }

    const events = await selectRows<{ kind: string; data: Record<string, unknown> }>(
      t.database.db,
      sql`select kind, data from case_events where mission_id = ${mission.missionId} and case_id = ${kase.id}`,
    );
    expect(events).toEqual([
      {
        kind: 'document_uploaded',
        data: { documentId: document.id, filename: 'consent form.pdf', kind: 'consent' },
      },
    ]);
    const audit = await selectRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where mission_id = ${mission.missionId} and record_id = ${document.id} order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['document.upload', 'document.download', 'document.download']);
  });

  it('keeps a document of one case out of another case and away from other offices', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const elsewhere = await buildCase(t.database.db, { mission });
    const document = (await upload(mission.users.counsellor, kase.id, pdfParts())).json().document;
    const owner = await t.as(mission.users.counsellor);
    const wrongCase = await owner.get(`/api/v1/cases/${elsewhere.id}/documents/${document.id}/content`);
    expect(wrongCase.statusCode).toBe(404);
    const stranger = await t.as(mission.users.otherCounsellor);
    expect((await stranger.get(`/api/v1/documents/${document.id}/content`)).statusCode).toBe(404);
    expect((await upload(mission.users.otherCounsellor, kase.id, pdfParts())).statusCode).toBe(404);
  });

  it('refuses a program renamed to .pdf with 415', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const response = await upload(mission.users.counsellor, kase.id, pdfParts(EXE, 'passport.pdf'));
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const declared = await upload(mission.users.counsellor, kase.id, [
      { name: 'kind', value: 'other' },
      { name: 'file', filename: 'setup.exe', contentType: 'application/x-msdownload', data: EXE },
    ]);
    expect(declared.statusCode).toBe(415);
    const mismatch = await upload(mission.users.counsellor, kase.id, [
      { name: 'kind', value: 'identity' },
      { name: 'file', filename: 'scan.pdf', contentType: 'application/pdf', data: PNG },
    ]);
    expect(mismatch.statusCode).toBe(415);
  });

  it('accepts a file up to 10 MiB and refuses a larger one with 413', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const limit = 10 * 1024 * 1024;
    const largest = Buffer.concat([PDF, Buffer.alloc(limit - PDF.length, 0x20)]);
    const accepted = await upload(mission.users.counsellor, kase.id, pdfParts(largest));
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().document.size).toBe(limit);
    const response = await upload(mission.users.counsellor, kase.id, pdfParts(Buffer.concat([largest, PDF])));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 413, detail: 'The file is larger than 10 MiB.' });
    const list = await (await t.as(mission.users.counsellor)).get(`/api/v1/cases/${kase.id}/documents`);
    expect(list.json().items).toHaveLength(1);
  });

  it('refuses an empty file, an unknown kind and a missing file with 400', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const empty = await upload(mission.users.counsellor, kase.id, pdfParts(Buffer.alloc(0)));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.file');
    const kind = await upload(mission.users.counsellor, kase.id, [
      { name: 'kind', value: 'selfie' },
      { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: PDF },
    ]);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe('body.kind');
    const missing = await upload(mission.users.counsellor, kase.id, [{ name: 'kind', value: 'consent' }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.file');
    const json = await (await t.as(mission.users.counsellor)).post(`/api/v1/cases/${kase.id}/documents`, {
      kind: 'consent',
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('upload checks', () => {
  it('recognises the accepted types by their bytes', () => {
    expect(detectContentType(PDF)).toBe('application/pdf');
    expect(detectContentType(PNG)).toBe('image/png');
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(detectContentType(Buffer.from('Gesprek met cliënt.\n'))).toBe('text/plain');
    expect(detectContentType(EXE)).toBeNull();
    expect(detectContentType(Buffer.from([0xc3, 0x28]))).toBeNull();
  });

  it('accepts a generic declared type only when the name and the bytes agree', () => {
    const incoming = { kind: 'identity', declaredType: 'application/octet-stream', data: PNG };
    expect(checkUpload({ ...incoming, filename: 'scan.png' }).contentType).toBe('image/png');
    expect(() => checkUpload({ ...incoming, filename: 'scan.pdf' })).toThrow(/does not match/);
    expect(checkUpload({ ...incoming, declaredType: 'image/PNG; q=1', filename: 'x' }).contentType).toBe(
      'image/png',
    );
  });

  it('strips paths and unsafe characters from file names', () => {
    expect(sanitiseFilename('../../etc/pass"wd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitiseFilename('C:\\Users\\amina\\paspoort kopie.png', 'image/png')).toBe('paspoort kopie.png');
    expect(sanitiseFilename('\u0000..', 'image/jpeg')).toBe('document.jpg');
    expect(sanitiseFilename(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(200);
    expect(sanitiseFilename('وثيقة.pdf', 'application/pdf')).toBe('وثيقة.pdf');
  });
});
