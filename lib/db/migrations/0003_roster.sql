CREATE TABLE "roster_entries" (
	"employee_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"department" text NOT NULL,
	"manager" text,
	"start_date" date,
	"end_date" date,
	"left_at" timestamp with time zone,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_entries_employee_number_not_blank" CHECK (btrim("roster_entries"."employee_number") <> '')
);
--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "roster_employee_number" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "claimed_employee_number" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "email_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "roster_entries_department_idx" ON "roster_entries" USING btree ("department");--> statement-breakpoint
CREATE INDEX "roster_entries_email_idx" ON "roster_entries" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_roster_employee_number_roster_entries_employee_number_fk" FOREIGN KEY ("roster_employee_number") REFERENCES "public"."roster_entries"("employee_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_roster_employee_number_unique" UNIQUE("roster_employee_number");