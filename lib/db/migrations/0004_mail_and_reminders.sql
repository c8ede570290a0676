CREATE TABLE "mail_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"employee_id" integer,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"sender" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text,
	"html_body" text,
	"transport" text NOT NULL,
	"status" text NOT NULL,
	"message_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_log_kind" CHECK ("mail_log"."kind" in ('reminder', 'deadline_passed')),
	CONSTRAINT "mail_log_transport" CHECK ("mail_log"."transport" in ('smtp', 'outbox')),
	CONSTRAINT "mail_log_status" CHECK ("mail_log"."status" in ('sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"employee_id" integer NOT NULL,
	"day" date NOT NULL,
	"version_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"actor_employee_id" integer,
	"actor_label" text NOT NULL,
	"mail_id" integer,
	"error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "reminders_employee_day_unique" UNIQUE("employee_id","day"),
	CONSTRAINT "reminders_kind" CHECK ("reminders"."kind" in ('reminder', 'deadline_passed')),
	CONSTRAINT "reminders_status" CHECK ("reminders"."status" in ('pending', 'sent', 'failed')),
	CONSTRAINT "reminders_source" CHECK ("reminders"."source" in ('manual', 'schedule'))
);
--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_mail_id_mail_log_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_log_employee_idx" ON "mail_log" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "mail_log_transport_idx" ON "mail_log" USING btree ("transport","id");--> statement-breakpoint
CREATE INDEX "reminders_day_idx" ON "reminders" USING btree ("day");