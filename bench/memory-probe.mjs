// Preloaded into the server by `npm run bench -- --memory <dir>` (node --import): every second it writes
// process.memoryUsage() and V8's heap spaces to <dir>/memory.jsonl, so the RSS the benchmark reads
// from /proc can be split into the JavaScript heap, buffers outside it (WebAssembly memory,
// ArrayBuffers) and the rest (code, native allocations). With --heapsnapshot-signal=SIGUSR2 (the
// runner adds it) a heap snapshot is written to the same folder on each SIGUSR2.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";

const dir = process.env.BENCH_MEMORY_DIR;
if (dir) {
  const file = path.join(dir, "memory.jsonl");
  const mb = (bytes) => Math.round(bytes / 1048576);
  // Resident memory by kind of mapping, from /proc/self/smaps: the brk heap and other anonymous
  // mappings (malloc, V8's pages), files (code, shared libraries).
  const mappings = () => {
    const kinds = { brk: 0, anon: 0, anon64m: 0, file: 0 };
    let kind = "anon";
    try {
      for (const line of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
        const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
        if (head) {
          const size = (parseInt(head[2], 16) - parseInt(head[1], 16)) / 1024;
          const name = head[3];
          kind =
            name === "[heap]"
              ? "brk"
              : name.startsWith("/")
                ? "file"
                : size === 65536 || size === 131072
                  ? "anon64m"
                  : "anon";
        } else if (line.startsWith("Rss:")) kinds[kind] += Number(line.split(/\s+/)[1]);
      }
    } catch {
      return null;
    }
    return Object.fromEntries(
      Object.entries(kinds).map(([key, kb]) => [key, Math.round(kb / 1024)]),
    );
  };
  let tick = 0;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((space) => [space.space_name, mb(space.space_size)]),
    );
    fs.appendFileSync(
      file,
      JSON.stringify({
        t: Date.now(),
        rss: mb(usage.rss),
        heapTotal: mb(usage.heapTotal),
        heapUsed: mb(usage.heapUsed),
        external: mb(usage.external),
        arrayBuffers: mb(usage.arrayBuffers),
        spaces,
        ...(tick++ % 5 === 0 ? { mappings: mappings() } : {}),
      }) + "\n",
    );
  }, 1000);
  timer.unref();
}
