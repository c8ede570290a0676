import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createAction, formDataToObject } from "./action-core";
import type { Role } from "./roles";

const employee = { employeeId: 7, roles: ["employee"] as Role[] };
const hr = { employeeId: 8, roles: ["employee", "hr"] as Role[] };

const schema = z.object({
  versionId: z.coerce.number().int().positive(),
  confirm: z.literal("ja", { message: "Vink aan dat je de richtlijnen hebt gelezen en begrepen." }),
});

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("server action wrapper", () => {
  it("checks the session before it looks at the input", async () => {
    const handler = vi.fn();
    const action = createAction(
      { getUser: async () => null },
      "acknowledge-policy",
      schema,
      handler,
    );
    const result = await action(null, form([["versionId", "not-a-number"]]));
    expect(result).toEqual({
      status: "error",
      code: "unauthenticated",
      message: expect.stringContaining("sessie is verlopen"),
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses an employee without the required permission", async () => {
    const handler = vi.fn();
    const action = createAction({ getUser: async () => employee }, "view-hr-data", schema, handler);
    expect(
      await action(
        null,
        form([
          ["versionId", "1"],
          ["confirm", "ja"],
        ]),
      ),
    ).toMatchObject({ status: "error", code: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("tells the log about a refusal and an unexpected failure", async () => {
    const onDenied = vi.fn();
    const onError = vi.fn();
    const refused = createAction(
      { getUser: async () => employee, onDenied, onError },
      "view-hr-data",
      schema,
      vi.fn(),
    );
    await refused(null, { versionId: 1, confirm: "ja" });
    expect(onDenied).toHaveBeenCalledWith(employee, "view-hr-data");

    const failure = new Error("boom");
    const crash = createAction(
      { getUser: async () => employee, onDenied, onError },
      "acknowledge-policy",
      schema,
      async () => {
        throw failure;
      },
    );
    expect(await crash(null, { versionId: 1, confirm: "ja" })).toMatchObject({ code: "internal" });
    expect(onError).toHaveBeenCalledWith(failure, employee);
    expect(onDenied).toHaveBeenCalledTimes(1);
  });

  it("returns Dutch field errors for invalid input without running the handler", async () => {
    const handler = vi.fn();
    const action = createAction(
      { getUser: async () => employee },
      "acknowledge-policy",
      schema,
      handler,
    );
    const result = await action(null, form([["versionId", "abc"]]));
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.errors.confirm).toEqual([
      "Vink aan dat je de richtlijnen hebt gelezen en begrepen.",
    ]);
    expect(result.errors.versionId?.[0]).toMatch(/Ongeldige invoer/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes parsed input and the user to the handler and spreads its result into ok", async () => {
    const action = createAction(
      { getUser: async () => hr },
      "export-hr-data",
      schema,
      async (input, { user, formData }) => {
        expect(formData).toBeInstanceOf(FormData);
        return { versionId: input.versionId, by: user.employeeId };
      },
    );
    expect(
      await action(
        null,
        form([
          ["versionId", "3"],
          ["confirm", "ja"],
          ["$ACTION_ID_abc", ""],
        ]),
      ),
    ).toEqual({
      status: "ok",
      versionId: 3,
      by: 8,
    });
  });

  it("accepts a plain object as input", async () => {
    const action = createAction(
      { getUser: async () => employee },
      "acknowledge-policy",
      schema,
      async () => undefined,
    );
    expect(await action(null, { versionId: 2, confirm: "ja" })).toEqual({ status: "ok" });
  });

  it("turns an AppError into its Dutch message and hides other errors", async () => {
    const appError = createAction(
      { getUser: async () => employee },
      "acknowledge-policy",
      schema,
      async () => {
        throw new AppError("version_outdated", "Er is een nieuwere versie.");
      },
    );
    expect(await appError(null, { versionId: 1, confirm: "ja" })).toEqual({
      status: "error",
      code: "version_outdated",
      message: "Er is een nieuwere versie.",
    });

    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const crash = createAction(
      { getUser: async () => employee },
      "acknowledge-policy",
      schema,
      async () => {
        throw new Error("connection refused to 10.0.0.5");
      },
    );
    const result = await crash(null, { versionId: 1, confirm: "ja" });
    expect(result).toMatchObject({ status: "error", code: "internal" });
    expect(JSON.stringify(result)).not.toContain("10.0.0.5");
    spy.mockRestore();
  });

  it("lets Next's redirect and forbidden signals through", async () => {
    const signal = Object.assign(new Error("NEXT_REDIRECT"), {
      digest: "NEXT_REDIRECT;replace;/x;307;",
    });
    const rethrow = (error: unknown) => {
      if (error === signal) throw error;
    };
    const action = createAction(
      { getUser: async () => employee, rethrow },
      "acknowledge-policy",
      schema,
      async () => {
        throw signal;
      },
    );
    await expect(action(null, { versionId: 1, confirm: "ja" })).rejects.toBe(signal);
  });
});

describe("formDataToObject", () => {
  it("keeps single values and collects repeated names into arrays", () => {
    expect(
      formDataToObject(
        form([
          ["a", "1"],
          ["b", "x"],
          ["b", "y"],
        ]),
      ),
    ).toEqual({ a: "1", b: ["x", "y"] });
  });
});
