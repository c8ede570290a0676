// What `npm start` keeps from the server's stdout: everything but Next's start-up banner. Next
// prints its version, the addresses it listens on (one of which fails sign-in: only NEXTAUTH_URL
// works, and the launcher prints that one), the experiments of next.config.ts, an empty line and
// "Starting…" / "Ready in …". Warnings and errors (⚠, ⨯) and the portal's JSON log lines pass.
const ANSI = /\x1b\[[0-9;]*m/g;

const NOISE = [
  /^▲ Next\.js \S+/,
  /^- (Local|Network|Environments|Debugger port):/,
  /^- Experiments \(use with caution\):$/,
  /^- (Cache Components|Partial Prefetching) enabled$/,
  // An experiment under that heading.
  /^ {2}[✓⨯·?] \S/,
  /^✓ (Starting\.\.\.|Ready in \S+|Running next\.config took \S+)$/,
  /^\s*$/,
];

/** True for a line of Next's start-up banner. `raw` is one line of the server's stdout. */
export function isFrameworkNoise(raw) {
  const line = raw.replace(ANSI, "").trimEnd();
  return NOISE.some((pattern) => pattern.test(line));
}
