CREATE TABLE "policy_drafts" (
	"policy" text PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"parts" jsonb,
	"base_version_number" integer,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_by_employee_id" integer,
	"saved_by_label" text NOT NULL,
	CONSTRAINT "policy_drafts_revision_positive" CHECK ("policy_drafts"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "policy_drafts" ADD CONSTRAINT "policy_drafts_saved_by_employee_id_employees_id_fk" FOREIGN KEY ("saved_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;