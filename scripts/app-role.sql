-- The rights of the role Passage runs as when migrations run as the owner (DATABASE_MIGRATION_URL).
-- Run as the owner of the tables, after the first migration, for example:
--   psql "$DATABASE_MIGRATION_URL" -v app_role=passage_app -f scripts/app-role.sql
-- The application may read and write its data, but the audit trail only grows: INSERT and SELECT
-- on audit_log, no UPDATE, DELETE or TRUNCATE, and as a non-owner it cannot switch off the
-- triggers that refuse them either.
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM :"app_role";
-- The chain head moves on with each entry; removing it would only break the chain for the verifier.
REVOKE DELETE, TRUNCATE ON audit_chain_heads FROM :"app_role";
-- Tables that later migrations add get the same rights (audit_log is not among them: it exists).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
