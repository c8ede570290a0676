CREATE TABLE "policy_deadline_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"old_deadline" timestamp with time zone,
	"new_deadline" timestamp with time zone,
	"reason" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by_employee_id" integer,
	"changed_by_label" text NOT NULL,
	CONSTRAINT "policy_deadline_changes_reason_not_blank" CHECK (btrim("policy_deadline_changes"."reason") <> '')
);
--> statement-breakpoint
ALTER TABLE "mail_log" DROP CONSTRAINT "mail_log_kind";--> statement-breakpoint
ALTER TABLE "policy_deadline_changes" ADD CONSTRAINT "policy_deadline_changes_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_deadline_changes" ADD CONSTRAINT "policy_deadline_changes_changed_by_employee_id_employees_id_fk" FOREIGN KEY ("changed_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_deadline_changes_version_idx" ON "policy_deadline_changes" USING btree ("version_id","id");--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_kind" CHECK ("mail_log"."kind" in ('reminder', 'deadline_passed', 'new_version'));
--> statement-breakpoint
-- custom SQL (hand-written) --
-- Deadline corrections are evidence of what employees were told: append-only, like the versions.
-- The function is (re)defined so this migration does not depend on the order others are merged in.
CREATE OR REPLACE FUNCTION refuse_evidence_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: this table holds evidence and is %', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policy_deadline_changes_refuse_update BEFORE UPDATE ON policy_deadline_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER policy_deadline_changes_refuse_delete BEFORE DELETE ON policy_deadline_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER policy_deadline_changes_refuse_truncate BEFORE TRUNCATE ON policy_deadline_changes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('append-only');
