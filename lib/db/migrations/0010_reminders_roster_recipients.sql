ALTER TABLE "reminders" ALTER COLUMN "employee_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_log" ADD COLUMN "roster_employee_number" text;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "roster_employee_number" text;--> statement-breakpoint
ALTER TABLE "mail_log" ADD CONSTRAINT "mail_log_roster_employee_number_roster_entries_employee_number_fk" FOREIGN KEY ("roster_employee_number") REFERENCES "public"."roster_entries"("employee_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_roster_employee_number_roster_entries_employee_number_fk" FOREIGN KEY ("roster_employee_number") REFERENCES "public"."roster_entries"("employee_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_log_roster_employee_idx" ON "mail_log" USING btree ("roster_employee_number");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_roster_employee_day_unique" UNIQUE("roster_employee_number","day");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_recipient" CHECK ("reminders"."employee_id" is not null or "reminders"."roster_employee_number" is not null);--> statement-breakpoint
-- custom SQL (hand-written) --
-- Reminders and mail sent before this migration went to accounts only: record their roster entry
-- too, so the one-a-day rule per roster entry also sees today's earlier reminders.
UPDATE "reminders" SET "roster_employee_number" = e."roster_employee_number"
  FROM "employees" e WHERE e."id" = "reminders"."employee_id" AND e."roster_employee_number" IS NOT NULL;--> statement-breakpoint
UPDATE "mail_log" SET "roster_employee_number" = e."roster_employee_number"
  FROM "employees" e WHERE e."id" = "mail_log"."employee_id" AND e."roster_employee_number" IS NOT NULL;
