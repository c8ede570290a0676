import "server-only";

import { sql } from "drizzle-orm";
import { policyDeadlineChanges, policyVersions } from "@/lib/db/schema";

/**
 * A version's effective deadline, as SQL over the row of `policy_versions` in scope: the newest
 * correction (lib/policy/deadline-changes.ts) when there is one, where null means "removed", else
 * the deadline it was published with. Every read of a version's deadline goes through this
 * (lib/policy/versions.ts and the state rule in lib/acknowledgements/reports.ts), so a correction
 * counts on the next request, on every instance.
 */
// Qualified by hand: drizzle leaves columns unqualified in a one-table select, and inside the
// subqueries an unqualified "id" would be the correction's own.
const versionId = sql.raw(`"policy_versions"."id"`);
const publishedDeadline = sql.raw(`"policy_versions"."deadline"`);

export const effectiveDeadline = sql<Date | null>`(case
    when exists (select 1 from ${policyDeadlineChanges} dc where dc.version_id = ${versionId})
    then (select dc.new_deadline from ${policyDeadlineChanges} dc
          where dc.version_id = ${versionId} order by dc.id desc limit 1)
    else ${publishedDeadline} end)`.mapWith(policyVersions.deadline);
