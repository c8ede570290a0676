import { setPrivateUmask } from "@/lib/db/data-dir";
import { getDb } from "@/lib/db/client";

// Runs once per server process (from instrumentation.ts), in the Node.js runtime only.
// `next start` without the launcher too: the data files are the portal's alone.
setPrivateUmask();
try {
  await getDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
