-- Acknowledgements are evidence like versions and the audit trail: append-only. Erasure under the
-- retention policy removes an employee's personal data from `employees`, never the acknowledgement
-- (which holds only ids, a hash, a time and a user agent). Self-contained: the function is
-- (re)defined here so this migration does not depend on the order others are merged in.
CREATE OR REPLACE FUNCTION refuse_evidence_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: this table holds evidence and is %', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS acknowledgements_refuse_update ON acknowledgements;
--> statement-breakpoint
CREATE TRIGGER acknowledgements_refuse_update BEFORE UPDATE ON acknowledgements
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER acknowledgements_refuse_delete BEFORE DELETE ON acknowledgements
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER acknowledgements_refuse_truncate BEFORE TRUNCATE ON acknowledgements
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('append-only');
