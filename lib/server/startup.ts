import { getDb } from "@/lib/db/client";
import { seedStore } from "@/lib/policy/seed";

// Runs once per server process (from instrumentation.ts), in the Node.js runtime only: migrations
// (getDb) and the seed happen before the first request is served.
try {
  await seedStore({ db: await getDb() });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
