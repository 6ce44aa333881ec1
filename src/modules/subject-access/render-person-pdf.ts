import PDFDocument from 'pdfkit';
import type { PersonRecord } from './collect-person-record.js';

const when = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 16).replace('T', ' ') : String(value ?? '');
// The standard PDF fonts have Latin characters only: other scripts are in the JSON export.
const latin = (value: unknown) => String(value ?? '').replace(/[^\u0020-\u024f]/g, '?');

/** A printable summary of what is held about a person, with the log of who accessed it. */
export function personRecordPdf(
  record: PersonRecord,
  meta: { exportedAt: Date; exportedBy: string },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const person = record.person;
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: 'Personal data held by IOM' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const heading = (text: string) =>
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(text).font('Helvetica').fontSize(9);
    const line = (label: string, value: unknown) => doc.text(`${label}: ${latin(value)}`);

    doc.font('Helvetica-Bold').fontSize(15).text('Personal data held about a person');
    doc.font('Helvetica').fontSize(9);
    line('Exported', `${when(meta.exportedAt)} UTC by ${meta.exportedBy}`);
    if (record.anonymisedAt) line('Anonymised under the retention rules on', when(record.anonymisedAt));

    heading('The person');
    line('Name', `${person.givenName} ${person.familyName}`);
    if (person.givenNameNative || person.familyNameNative)
      line('Name in native script', 'see the JSON export');
    if ((person.aliases as string[]).length > 0)
      line('Also known as', (person.aliases as string[]).join(', '));
    line('Sex', person.sex);
    line('Date of birth', `${person.dateOfBirth ?? 'unknown'} (${person.dateOfBirthPrecision})`);
    line('Nationalities', (person.nationalities as string[]).join(', '));
    line('Languages', (person.languages as string[]).join(', '));
    line('Phone', person.phone ?? 'none');
    for (const document of record.identityDocuments) {
      line(
        'Identity document',
        `${document.kind} ${document.number} (${document.issuingCountry}), valid until ${document.validUntil ?? 'unknown'}`,
      );
    }

    heading(`Cases (${record.cases.length})`);
    for (const kase of record.cases) {
      line(
        String(kase.reference),
        `${kase.programme}, ${kase.status} since ${when(kase.statusChangedAt)}, opened ${when(kase.createdAt)}`,
      );
    }

    heading('What is recorded with the cases');
    const counts: [string, unknown[]][] = [
      ['Timeline events', record.events],
      ['Notes', record.notes],
      ['Tasks', record.tasks],
      ['Documents', record.documents],
      ['Counselling sessions', record.counsellingSessions],
      ['Eligibility decisions', record.eligibilityDecisions],
      ['Vulnerability procedure steps', record.vulnerabilitySteps],
      ['Travel document requests', record.travelDocumentRequests],
      ['Bookings', record.bookings],
      ['Reintegration plans', record.reintegrationPlans],
      ['Grants', record.grants],
      ['Disbursements', record.disbursements],
      ['Monitoring visits', record.monitoringVisits],
      ['Sustainability surveys', record.sustainabilitySurveys],
      ['Referrals from partners', record.referrals],
      ['Messages sent', record.messages],
    ];
    for (const [label, rows] of counts) line(label, rows.length);
    for (const segment of record.bookingSegments) {
      line(
        'Flight',
        `${segment.airline}${segment.flightNumber} ${segment.departureAirport}-${segment.arrivalAirport} ${when(segment.departureAt)}`,
      );
    }
    for (const grant of record.grants) line('Grant', `${grant.type} ${grant.amount ?? ''} ${grant.currency}`);
    for (const consent of record.consents) {
      const withdrawn = consent.withdrawnOn ? `, withdrawn ${consent.withdrawnOn}` : '';
      line('Consent', `${consent.purpose} given ${consent.givenOn} (${consent.how})${withdrawn}`);
    }

    heading(`Who accessed or changed these records (${record.accessLog.length})`);
    for (const entry of record.accessLog) {
      const who = entry.actor ? `${entry.actor.displayName} <${entry.actor.email}>` : entry.actorType;
      doc.text(latin(`${when(entry.at)}  ${who}  ${entry.action}  ${entry.recordType}`));
    }
    doc.end();
  });
}
