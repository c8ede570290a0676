import { describe, expect, it } from "vitest";
import { decideAudit, NOT_CHECKED } from "./audit-deps.mjs";

// Shapes of `npm audit --json` (npm 11, auditReportVersion 2) as seen on real runs.
function report(counts: Partial<Record<string, number>>, vulnerabilities: object = {}) {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts },
      dependencies: { prod: 310, dev: 0, optional: 12, peer: 0, peerOptional: 0, total: 310 },
    },
  });
}

const unreachable405 = {
  status: 1,
  stdout: JSON.stringify({
    message:
      "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    method: "POST",
    uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    statusCode: 405,
    body: "",
    error: { summary: "", detail: "" },
  }),
  stderr:
    "npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error\n",
};

describe("decideAudit", () => {
  it("passes when the service answers with no high or critical advisory", () => {
    const decision = decideAudit({
      status: 0,
      stdout: report({ moderate: 2, total: 2 }),
      stderr: "",
    });
    expect(decision).toMatchObject({ outcome: "clean", exitCode: 0 });
    expect(decision.message).toContain("2 moderate");
  });

  it("fails on a high advisory and names the package", () => {
    const decision = decideAudit({
      status: 1,
      stdout: report({ high: 1, total: 1 }, { next: { name: "next", severity: "high" } }),
      stderr: "",
    });
    expect(decision).toMatchObject({ outcome: "vulnerable", exitCode: 1 });
    expect(decision.message).toContain("next (high)");
  });

  it("fails on a critical advisory", () => {
    const decision = decideAudit({
      status: 1,
      stdout: report({ critical: 3, total: 3 }),
      stderr: "",
    });
    expect(decision).toMatchObject({ outcome: "vulnerable", exitCode: 1 });
  });

  it("says plainly that nothing was checked when the advisory endpoint errors (405), and continues", () => {
    const decision = decideAudit(unreachable405);
    expect(decision).toMatchObject({ outcome: "unreachable", exitCode: 0 });
    expect(decision.message).toContain(NOT_CHECKED);
    expect(decision.message).toContain("405 Method Not Allowed");
  });

  it("treats an offline registry (no JSON, only npm's error) as not checked, never as clean", () => {
    const decision = decideAudit({
      status: 1,
      stdout: "",
      stderr:
        "npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org failed\n",
    });
    expect(decision.outcome).toBe("unreachable");
    expect(decision.message).toContain("not checked");
    expect(decision.message).toContain("ENOTFOUND");
  });

  it("treats a JSON error without a report as not checked", () => {
    const decision = decideAudit({
      status: 1,
      stdout: JSON.stringify({
        error: { code: "ECONNREFUSED", summary: "connect ECONNREFUSED 127.0.0.1:4873" },
      }),
      stderr: "",
    });
    expect(decision.outcome).toBe("unreachable");
    expect(decision.message).toContain("ECONNREFUSED");
  });
});
