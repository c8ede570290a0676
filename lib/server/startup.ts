import { checkpointConfigFromEnv } from "@/lib/audit/checkpoint-env";
import { configureCheckpoints, startCheckpointTimer } from "@/lib/audit/checkpoints";
import { setPrivateUmask } from "@/lib/db/data-dir";
import { getDb } from "@/lib/db/client";
import { seedStore } from "@/lib/policy/seed";
import { env } from "@/lib/env";
import { systemLog } from "@/lib/log";
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
  // The message is for the person starting the portal (a locked data directory, a bad URL).
  console.error(error instanceof Error ? error.message : error);
  systemLog.fatal({ event: "startup_failed", err: error }, "The portal could not start");
  process.exit(1);
}

// Only with the development IdP (env.DEMO_DATA is false otherwise); once, on an empty roster.
if (env.DEMO_DATA) {
  try {
    const { seeded } = await seedDemoRoster();
    // Routine: not shown at the default level, so a start stays quiet.
    if (seeded) systemLog.debug({ event: "demo_roster_seeded" }, "Demo roster loaded");
  } catch (error) {
    // The portal works without demo data; say why it is missing.
    systemLog.error(
      { event: "demo_roster_failed", err: error },
      "The demo roster could not be loaded",
    );
  }
}
