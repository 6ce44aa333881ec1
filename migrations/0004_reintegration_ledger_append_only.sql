-- Disbursements are ledger lines: a correction is a new line, never an edit. Refuse UPDATE and
-- DELETE at the database, whoever asks.
CREATE OR REPLACE FUNCTION grant_disbursements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'grant_disbursements is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER grant_disbursements_no_update BEFORE UPDATE OR DELETE ON grant_disbursements
  FOR EACH ROW EXECUTE FUNCTION grant_disbursements_append_only();
--> statement-breakpoint
-- Survey scores are computed once with the weights of their day; later weight changes must not
-- rewrite them.
CREATE OR REPLACE FUNCTION sustainability_surveys_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sustainability_surveys is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sustainability_surveys_no_update BEFORE UPDATE OR DELETE ON sustainability_surveys
  FOR EACH ROW EXECUTE FUNCTION sustainability_surveys_append_only();
