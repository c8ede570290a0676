import { checkpointConfigFromEnv } from "@/lib/audit/checkpoint-env";
import { configureCheckpoints, startCheckpointTimer } from "@/lib/audit/checkpoints";
import { getDb } from "@/lib/db/client";

// Runs once per server process (from instrumentation.ts), in the Node.js runtime only.
try {
  const db = await getDb();
  // Signed checkpoints of the audit chain, outside the database: now, every interval, at publish.
  configureCheckpoints(checkpointConfigFromEnv());
  startCheckpointTimer({ db });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
