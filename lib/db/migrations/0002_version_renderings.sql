CREATE TABLE "policy_version_renderings" (
	"version_id" integer NOT NULL,
	"slug" text NOT NULL,
	"pipeline" text NOT NULL,
	"hash" char(64) NOT NULL,
	"code" text NOT NULL,
	"headings" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"blocks" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_version_renderings_pkey" PRIMARY KEY("version_id","slug","pipeline")
);
--> statement-breakpoint
ALTER TABLE "policy_version_renderings" ADD CONSTRAINT "policy_version_renderings_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_version_renderings" ADD CONSTRAINT "policy_version_renderings_part_fk" FOREIGN KEY ("version_id","slug") REFERENCES "public"."policy_version_parts"("version_id","slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Append-only, like the versions they belong to. Self-contained: the function is (re)declared here.
CREATE OR REPLACE FUNCTION refuse_evidence_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: this table holds evidence and is %', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policy_version_renderings_refuse_update BEFORE UPDATE ON policy_version_renderings
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER policy_version_renderings_refuse_delete BEFORE DELETE ON policy_version_renderings
  FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('append-only');
--> statement-breakpoint
CREATE TRIGGER policy_version_renderings_refuse_truncate BEFORE TRUNCATE ON policy_version_renderings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('append-only');
