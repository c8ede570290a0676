CREATE TABLE "employee_policy_states" (
	"employee_id" integer NOT NULL,
	"policy" text NOT NULL,
	"acknowledged_version_number" integer NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employee_policy_states_pkey" PRIMARY KEY("policy","employee_id")
);
--> statement-breakpoint
ALTER TABLE "employee_policy_states" ADD CONSTRAINT "employee_policy_states_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- custom SQL (hand-written) --
-- employee_policy_states is kept by the database itself: after every INSERT on acknowledgements,
-- in the same transaction, each (employee, policy) the statement touched gets the higher of its
-- kept version number and the new one (docs/decisions/0016-employee-policy-states.md).
-- Acknowledgements are append-only and versions immutable, so inserts are the only change to follow.
-- Per statement, over the transition table: a bulk insert (seed, import of history) is one upsert.
-- Concurrent writers are safe under READ COMMITTED: ON CONFLICT waits for the other transaction's
-- row and compares against what it committed; the WHERE keeps the higher number (and its time).
-- SECURITY DEFINER (owned by the migration owner): the application role may only read the table
-- (lib/db/grants.ts), so the kept state cannot be written around the evidence.
CREATE OR REPLACE FUNCTION keep_employee_policy_states() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO employee_policy_states AS kept
    (employee_id, policy, acknowledged_version_number, acknowledged_at)
  SELECT DISTINCT ON (a.employee_id, v.policy) a.employee_id, v.policy, v.number, a.acknowledged_at
  FROM inserted_acknowledgements a
  JOIN policy_versions v ON v.id = a.version_id
  ORDER BY a.employee_id, v.policy, v.number DESC
  ON CONFLICT (policy, employee_id) DO UPDATE
    SET acknowledged_version_number = excluded.acknowledged_version_number,
        acknowledged_at = excluded.acknowledged_at
    WHERE excluded.acknowledged_version_number > kept.acknowledged_version_number;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Created before the backfill: CREATE TRIGGER locks acknowledgements against inserts until this
-- migration commits, so no acknowledgement falls between the backfill and the trigger.
CREATE TRIGGER acknowledgements_keep_employee_policy_states AFTER INSERT ON acknowledgements
  REFERENCING NEW TABLE AS inserted_acknowledgements
  FOR EACH STATEMENT EXECUTE FUNCTION keep_employee_policy_states();
--> statement-breakpoint
INSERT INTO employee_policy_states (employee_id, policy, acknowledged_version_number, acknowledged_at)
SELECT DISTINCT ON (a.employee_id, v.policy) a.employee_id, v.policy, v.number, a.acknowledged_at
FROM acknowledgements a
JOIN policy_versions v ON v.id = a.version_id
ORDER BY a.employee_id, v.policy, v.number DESC;
