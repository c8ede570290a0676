import { getDb } from "@/lib/db/client";

// Runs once per server process (from instrumentation.ts), in the Node.js runtime only.
try {
  await getDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
