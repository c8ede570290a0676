import { checkpointConfigFromEnv } from "@/lib/audit/checkpoint-env";
import { configureCheckpoints, startCheckpointTimer } from "@/lib/audit/checkpoints";
import { setPrivateUmask } from "@/lib/db/data-dir";
import { getDb } from "@/lib/db/client";
import { seedStore } from "@/lib/policy/seed";
import { env } from "@/lib/env";
import { demoDeadline, seedDemoRoster } from "@/lib/roster/demo";

// Runs once per server process (from instrumentation.ts), in the Node.js runtime only: migrations
// (getDb) and the seed happen before the first request is served.
// `next start` without the launcher too: the data files are the portal's alone.
setPrivateUmask();
try {
  const db = await getDb();
  // The demo's version 1 gets a deadline already passed, so its dashboard shows who is overdue.
  await seedStore({ db, initialDeadline: env.DEMO_DATA ? demoDeadline() : null });
  // Signed checkpoints of the audit chain, outside the database: now, every interval, at publish.
  configureCheckpoints(checkpointConfigFromEnv());
  startCheckpointTimer({ db });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Only with the development IdP (env.DEMO_DATA is false otherwise); once, on an empty roster.
if (env.DEMO_DATA) {
  try {
    const { seeded } = await seedDemoRoster();
    if (seeded) console.log("[demo] Fictief personeelsbestand geladen (demo-omgeving).");
  } catch (error) {
    // The portal works without demo data; say why it is missing.
    console.error("[demo] Het fictieve personeelsbestand kon niet worden geladen:", error);
  }
}
