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
  body: string;
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
  filename: string;
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
