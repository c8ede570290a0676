import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskText } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLogger({ level: "info", destination }).child({ reqId: "system" }) };
}

describe("createLogger", () => {
  it("writes JSON with a level label, a time and the system request id", () => {
    const { lines, log } = capture();
    log.info({ event: "started" }, "Started");
    expect(lines[0]).toMatchObject({
      level: "info",
      reqId: "system",
      event: "started",
      msg: "Started",
    });
    expect(typeof lines[0].time).toBe("string");
    expect(lines[0]).not.toHaveProperty("pid");
  });

  it("writes a request id once", () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    createLogger({ level: "info", destination })
      .child({ reqId: "abcdef123456" })
      .warn({ event: "denied", employeeId: 7 }, "Denied");
    expect(JSON.parse(chunks[0])).toMatchObject({ reqId: "abcdef123456", employeeId: 7 });
    expect(chunks[0].match(/"reqId"/g)).toHaveLength(1);
  });

  it("redacts tokens, cookies, secrets, passwords and mail addresses, at the top and one level down", () => {
    const { lines, log } = capture();
    log.info(
      {
        event: "x",
        email: "a@b.nl",
        token: "t0k3n",
        detail: { cookie: "next-auth.session-token=abc", client_secret: "s3cret", password: "pw" },
        headers: { cookie: "c=1" },
        user: { name: "Anna de Vries" },
      },
      "X",
    );
    const text = JSON.stringify(lines[0]);
    for (const value of ["a@b.nl", "t0k3n", "session-token=abc", "s3cret", '"pw"', "c=1", "Anna"]) {
      expect(text).not.toContain(value);
    }
    expect(lines[0]).toMatchObject({ email: "[redacted]", detail: { cookie: "[redacted]" } });
  });

  it("masks mail addresses and JWTs in error messages and stacks, and keeps the error's type", () => {
    const { lines, log } = capture();
    const error = new TypeError(
      "duplicate key (email)=(anna@example.org) eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
    );
    log.error({ event: "error", err: error }, "Failed");
    const err = lines[0].err as Record<string, string>;
    expect(err.type).toBe("TypeError");
    expect(err.message).toBe("duplicate key (email)=([email]) [token]");
    expect(err.stack).not.toContain("anna@example.org");
  });
});

describe("maskText", () => {
  it("leaves ordinary text alone", () => {
    expect(maskText("Sign-in failed: OAuthCallback (reference ABCD2345)")).toBe(
      "Sign-in failed: OAuthCallback (reference ABCD2345)",
    );
  });
});
