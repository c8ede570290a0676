import "server-only";

import { env } from "@/lib/env";
import type { CheckpointConfig } from "./checkpoints";

/** The checkpoint settings from the environment (CHECKPOINT_DIR, CHECKPOINT_KEY_FILE, …). */
export function checkpointConfigFromEnv(): CheckpointConfig {
  return {
    dir: env.CHECKPOINT_DIR,
    keyFile: env.CHECKPOINT_KEY_FILE,
    intervalMinutes: env.CHECKPOINT_INTERVAL_MINUTES,
  };
}
