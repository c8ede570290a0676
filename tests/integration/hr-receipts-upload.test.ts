// The receipt check P&O uses ("is this receipt genuine?") and the roster upload's temp storage.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { checkReceipt } from "@/lib/hr/employee";
import {
  claimUpload,
  discardUpload,
  MAX_UPLOAD_BYTES,
  parseUpload,
  receiveUpload,
} from "@/lib/hr/roster-upload";
import { parseReceiptReference, receiptReference } from "@/lib/receipts/receipt";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

describe("checking a receipt", () => {
  it("finds a genuine receipt by its reference, with or without the hash, and nothing else", async () => {
    const { db } = store;
    const policy = uniquePolicy();
    const version = await createVersion({ db, policy });
    const employee = await createEmployee({ db, name: "Ilse Kuipers" });
    const { acknowledgement } = await acknowledgeVersion({
      db,
      employeeId: employee.id,
      versionId: version.id,
      contentHash: version.contentHash,
      userAgent: null,
    });
    const reference = receiptReference(version, acknowledgement.id);
    expect(parseReceiptReference(` ${reference.toUpperCase()} `)).toEqual({
      policy,
      versionNumber: 1,
      id: acknowledgement.id,
    });

    expect(await checkReceipt({ db, reference, hash: null })).toMatchObject({
      status: "genuine",
      employeeName: "Ilse Kuipers",
      versionNumber: 1,
      hashMatches: null,
    });
    expect(
      await checkReceipt({ db, reference, hash: version.contentHash.toUpperCase() }),
    ).toMatchObject({ status: "genuine", hashMatches: true });
    // Someone else's hash, another version number, a made-up id: not genuine.
    expect(await checkReceipt({ db, reference, hash: "a".repeat(64) })).toEqual({
      status: "not_found",
    });
    expect(
      await checkReceipt({ db, reference: `${policy}-v2-${acknowledgement.id}`, hash: null }),
    ).toEqual({ status: "not_found" });
    expect(await checkReceipt({ db, reference: "onzin", hash: null })).toEqual({
      status: "not_found",
    });
    // A hash alone names the version's text.
    expect(await checkReceipt({ db, reference: null, hash: version.contentHash })).toMatchObject({
      status: "version",
      versionNumber: 1,
    });
  });
});

function bodyOf(text: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

describe("the roster upload's temp storage", () => {
  const csv = "Personeelsnummer;Naam;E-mailadres;Afdeling\n1;Een Test;een@example.test;Zorg\n";

  it("keeps the file private, parses it, and hands it back only for the same bytes and person", async () => {
    const upload = await receiveUpload({ body: bodyOf(csv), fileName: "p.csv", employeeId: 7 });
    expect((await fs.stat(upload.file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(upload.file))).mode & 0o777).toBe(0o700);
    const parsed = await parseUpload(upload.file, "p.csv");
    expect(parsed.ok && parsed.rows.map((row) => row.name)).toEqual(["Een Test"]);

    expect(await claimUpload({ token: upload.token, sha256: "0".repeat(64), employeeId: 7 })).toBe(
      null,
    );
    expect(await claimUpload({ token: upload.token, sha256: upload.sha256, employeeId: 8 })).toBe(
      null,
    );
    // Changed on disk after the preview: refused.
    await fs.appendFile(upload.file, "2;Twee;twee@example.test;Zorg\n");
    expect(await claimUpload({ token: upload.token, sha256: upload.sha256, employeeId: 7 })).toBe(
      null,
    );
    await discardUpload(upload.token);
    await expect(fs.stat(upload.file)).rejects.toThrow();
  });

  it("refuses an empty body, an unknown type and a file over the limit, leaving nothing behind", async () => {
    await expect(
      receiveUpload({ body: bodyOf(""), fileName: "p.csv", employeeId: 7 }),
    ).rejects.toThrow("Het bestand is leeg.");
    await expect(
      receiveUpload({ body: bodyOf(csv), fileName: "p.xls", employeeId: 7 }),
    ).rejects.toThrow("niet ondersteund");
    await expect(
      receiveUpload({
        body: bodyOf(new Uint8Array(MAX_UPLOAD_BYTES + 1)),
        fileName: "p.csv",
        employeeId: 7,
      }),
    ).rejects.toThrow("groter dan");
  });
});
