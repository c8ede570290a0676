-- Two PostgreSQL roles for the portal: a migration owner and an application role.
-- Run once as a superuser (idempotent: safe to run again, e.g. to change a password):
--
--   psql -h <host> -U postgres -v ON_ERROR_STOP=1 \
--     -v owner=portaal_eigenaar -v owner_password='…' \
--     -v app=portaal_app -v app_password='…' \
--     -v database=portaal -f scripts/pg-roles.sql
--
-- Then run the portal with
--   MIGRATION_DATABASE_URL=postgres://portaal_eigenaar:…@<host>/portaal   (migrations, grants)
--   DATABASE_URL=postgres://portaal_app:…@<host>/portaal                   (everything else)
-- At every start the owner applies the migrations and grants the application role SELECT and
-- INSERT on the evidence tables (audit_events, acknowledgements, policy_versions,
-- policy_version_parts, policy_deadline_changes), SELECT alone on the tables the database derives
-- from them by trigger (employee_policy_states) and SELECT, INSERT, UPDATE, DELETE on the others
-- (lib/db/grants.ts).
-- The application role owns no table, so it can neither change evidence nor switch off the
-- triggers that guard it (ALTER TABLE … DISABLE TRIGGER needs ownership).

SELECT format('CREATE ROLE %I LOGIN', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec

-- Neither role may create databases or roles, nor bypass row security.
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
              :'owner', :'owner_password') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
              :'app', :'app_password') \gexec

SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec

-- The application role may connect; it creates nothing (PostgreSQL 15 no longer lets PUBLIC
-- create in schema public, and the owner holds the schema as database owner).
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I, %I', :'database', :'owner', :'app') \gexec

-- Older servers (before 15) let PUBLIC create in schema public: close that, and give the schema
-- to the owner so the migrations can create the portal's tables there.
\connect :database
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('ALTER SCHEMA public OWNER TO %I', :'owner') \gexec
