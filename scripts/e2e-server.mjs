// Starts the portal for Playwright on a fresh data directory, then hands over to the normal launcher.
import { rmSync } from "node:fs";
import { resolve } from "node:path";

const dataDir = resolve(process.env.DATA_DIR ?? ".data-e2e");
if (!/\.data-e2e/.test(dataDir))
  throw new Error(`Refusing to wipe ${dataDir}: not an e2e data directory`);
rmSync(dataDir, { recursive: true, force: true });
// The audit checkpoints of the previous run belong to the database just wiped.
rmSync(`${dataDir}-checkpoints`, { recursive: true, force: true });
await import("./start.mjs");
