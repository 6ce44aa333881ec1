/** A text in each UI language, as the API sends it. */
export interface LocalizedText {
  en: string;
  nl: string;
  [lang: string]: string;
}

export interface RoleAssignment {
  role: string;
  officeId: string;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  missionId: string;
  roles: RoleAssignment[];
  /** A platform administrator lists and creates missions. */
  platformAdmin?: boolean;
}

export interface Office {
  id: string;
  name: string;
  kind: string;
}

export interface UserSummary {
  id: string;
  displayName: string;
  email?: string;
}

export interface ReferralSource {
  code: string;
  label: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type DatePrecision = 'exact' | 'month' | 'year' | 'estimated';

export interface PersonInput {
  givenName: string;
  familyName: string;
  givenNameNative?: string;
  familyNameNative?: string;
  aliases?: string[];
  sex: Sex;
  dateOfBirth?: string;
  dateOfBirthPrecision: DatePrecision;
  nationalities: string[];
  languages: string[];
  phone?: string;
  preferredLanguage?: string;
}

export type TravelDocumentKind = 'passport' | 'laissez_passer' | 'national_id' | 'residence_permit' | 'other';

export interface TravelDocument {
  id: string;
  kind: TravelDocumentKind;
  number: string;
  issuingCountry: string;
  validUntil: string | null;
}

export interface Person extends PersonInput {
  id: string;
  createdAt: string;
  /** A person on a case the user may not read: only that the record exists, without particulars. */
  restricted?: boolean;
  documents?: TravelDocument[];
}

export interface PersonName {
  id: string;
  givenName: string;
  familyName: string;
}

export interface CaseSummary {
  id: string;
  reference: string;
  programme: string;
  status: string;
  statusLabel: LocalizedText;
  office: { id: string; name: string };
  assignee: UserSummary | null;
  vulnerabilities: string[];
  persons: PersonName[];
  updatedAt: string;
}

export interface CasePolicies {
  update: boolean;
  transition: boolean;
  addNote: boolean;
  addTask: boolean;
  uploadDocument: boolean;
  breakGlass: boolean;
}

export interface CaseDetail extends Omit<CaseSummary, 'persons'> {
  version: number;
  returnOffice: { id: string; name: string } | null;
  referralSource: string;
  fundingProject: string | null;
  guardianConfirmedHost: boolean;
  guardianConfirmedReturn: boolean;
  createdAt: string;
  persons: Person[];
  policies: CasePolicies;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TransitionOption {
  transition: string;
  to: string;
  label: LocalizedText;
  allowed: boolean;
  requiresReason: boolean;
  reasons: { code: string; message: LocalizedText }[];
}

export interface TimelineEntry {
  id: string;
  occurredAt: string;
  recordedAt: string;
  kind: string;
  actor: UserSummary | null;
  summary: LocalizedText;
  data: Record<string, unknown>;
}

export interface Note {
  id: string;
  /** null when the note is restricted and the user may not read it. */
  body: string | null;
  restriction: 'medical' | 'trafficking' | 'minor' | null;
  hidden: boolean;
  author: UserSummary;
  createdAt: string;
}

export interface Task {
  id: string;
  caseId: string;
  caseReference: string;
  title: string;
  dueDate: string | null;
  assignee: UserSummary | null;
  doneAt: string | null;
}

export interface CaseDocument {
  id: string;
  /** null when the document is restricted (medical) and the user may not open it. */
  filename: string | null;
  hidden: boolean;
  kind: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: UserSummary | string | null;
  createdAt: string;
}

export interface DuplicateCandidate {
  person: Person;
  score: number;
  reasons: string[];
}

/** One read of restricted data, or a manager's break-glass access, in the access log. */
export interface AccessLogEntry {
  id: string;
  at: string;
  action: 'case.read_sensitive' | 'vulnerability_details.read' | 'case.break_glass';
  user: UserSummary | null;
  recordType: 'case' | 'person';
  caseId: string;
  caseReference: string | null;
  what: string;
  categories: string[];
  breakGlass: boolean;
  reason: string | null;
  needsReview: boolean;
  reviewedAt: string | null;
  reviewedBy: UserSummary | null;
}

export type ConsentPurpose = 'return_assistance' | 'partner_sharing' | 'sms_contact';
export type ConsentMethod = 'written' | 'verbal' | 'guardian';

/** A consent a person gave for one purpose (sharing: with one partner), and its withdrawal. */
export interface Consent {
  id: string;
  personId: string;
  purpose: ConsentPurpose;
  partnerId: string | null;
  givenOn: string;
  how: ConsentMethod;
  recordedBy: string | null;
  recordedAt: string;
  withdrawnOn: string | null;
  withdrawnBy: string | null;
  active: boolean;
}
