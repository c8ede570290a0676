// Starts the portal for Playwright on a fresh data directory, then hands over to the normal launcher.
// Keeps a copy of everything it prints beside the data directory (<dir>-server.log for stdout,
// <dir>-server-stderr.log for stderr): tests/logs checks it after the run.
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const dataDir = resolve(process.env.DATA_DIR ?? ".data-e2e");
if (!/\.data-e2e/.test(dataDir))
  throw new Error(`Refusing to wipe ${dataDir}: not an e2e data directory`);
rmSync(dataDir, { recursive: true, force: true });
// The audit checkpoints of the previous run belong to the database just wiped.
rmSync(`${dataDir}-checkpoints`, { recursive: true, force: true });

for (const [stream, file] of [
  [process.stdout, `${dataDir}-server.log`],
  [process.stderr, `${dataDir}-server-stderr.log`],
]) {
  writeFileSync(file, "", { mode: 0o600 });
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    appendFileSync(file, chunk);
    return write(chunk, ...rest);
  };
}
await import("./start.mjs");
