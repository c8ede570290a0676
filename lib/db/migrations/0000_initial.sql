CREATE TABLE "acknowledgements" (
	"id" serial PRIMARY KEY NOT NULL,
	"employee_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"content_hash" char(64) NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	CONSTRAINT "acknowledgements_employee_version_unique" UNIQUE("employee_id","version_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_employee_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL,
	CONSTRAINT "audit_events_hash_unique" UNIQUE("hash"),
	CONSTRAINT "audit_events_seq_positive" CHECK ("audit_events"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" serial PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"department" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "employees_issuer_subject_unique" UNIQUE("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "policy_version_parts" (
	"version_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"order" integer NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "policy_version_parts_pkey" PRIMARY KEY("version_id","slug"),
	CONSTRAINT "policy_version_parts_kind" CHECK ("policy_version_parts"."kind" in ('intro', 'part', 'closing'))
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy" text NOT NULL,
	"number" integer NOT NULL,
	"content_hash" char(64) NOT NULL,
	"summary" text NOT NULL,
	"material" boolean NOT NULL,
	"deadline" timestamp with time zone,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_employee_id" integer,
	"published_by_label" text NOT NULL,
	CONSTRAINT "policy_versions_policy_number_unique" UNIQUE("policy","number"),
	CONSTRAINT "policy_versions_number_positive" CHECK ("policy_versions"."number" >= 1),
	CONSTRAINT "policy_versions_content_hash_hex" CHECK ("policy_versions"."content_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_version_parts" ADD CONSTRAINT "policy_version_parts_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_published_by_employee_id_employees_id_fk" FOREIGN KEY ("published_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acknowledgements_version_idx" ON "acknowledgements" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_type","subject_id");