-- Evidence is enforced by the database, not only by the application: published versions and
-- their parts are immutable, acknowledgements cannot be rewritten, and the audit trail is append-only.
-- Each statement is separated by a breakpoint because PGlite runs one statement per query.
CREATE OR REPLACE FUNCTION refuse_evidence_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: this table holds evidence and is %', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER policy_versions_refuse_update BEFORE UPDATE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('immutable once published');
--> statement-breakpoint
CREATE TRIGGER policy_versions_refuse_delete BEFORE DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('immutable once published');
--> statement-breakpoint
CREATE TRIGGER policy_versions_refuse_truncate BEFORE TRUNCATE ON policy_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('immutable once published');
--> statement-breakpoint
CREATE TRIGGER policy_version_parts_refuse_update BEFORE UPDATE ON policy_version_parts
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('immutable once published');
--> statement-breakpoint
CREATE TRIGGER policy_version_parts_refuse_delete BEFORE DELETE ON policy_version_parts
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('immutable once published');
--> statement-breakpoint
CREATE TRIGGER policy_version_parts_refuse_truncate BEFORE TRUNCATE ON policy_version_parts
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('immutable once published');
--> statement-breakpoint
-- DELETE stays possible on acknowledgements (erasure under the AVG/GDPR retention policy); rewriting is not.
CREATE TRIGGER acknowledgements_refuse_update BEFORE UPDATE ON acknowledgements
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('write-once');
