// Advisory lock keys, in one place so two features never share a key by accident.
// Single-key (bigint) and two-key (int4, int4) locks live in separate spaces in PostgreSQL.
export const MIGRATION_LOCK = 7_401_001; // session lock while migrating at startup
export const AUDIT_CHAIN_LOCK = 7_401_002; // transaction lock while appending to the audit chain
export const PUBLISH_LOCK_CLASS = 7_401_003; // with hashtext(policy): numbering versions of one policy
export const ROSTER_LOCK = 7_401_004; // transaction lock: one roster import (or link) at a time
export const REMINDER_SCHEDULE_LOCK = 7_401_020; // session lock while npm run reminders:send works
