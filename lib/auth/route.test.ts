import { afterEach, describe, expect, it, vi } from "vitest";

const user = { employeeId: 1, roles: ["employee", "hr"] };
vi.mock("./session", () => ({ getCurrentUser: vi.fn(async () => user) }));

const { authorizedRoute } = await import("./route");

const PORTAL = "https://portaal.kempenhaeghe.example";
const context = { params: Promise.resolve({}) };

describe("authorizedRoute", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses a cross-origin or Origin: null POST before running the handler", async () => {
    vi.stubEnv("NEXTAUTH_URL", PORTAL);
    const handler = vi.fn(() => new Response("done"));
    const route = authorizedRoute("export-hr-data", handler);
    for (const origin of ["https://evil.example", "null"]) {
      const response = await route(
        new Request(`${PORTAL}/x`, { method: "POST", headers: { origin } }),
        context,
      );
      expect(response.status).toBe(403);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler for a same-origin POST and for a GET", async () => {
    vi.stubEnv("NEXTAUTH_URL", PORTAL);
    const route = authorizedRoute("export-hr-data", () => new Response("done"));
    const same = await route(
      new Request(`${PORTAL}/x`, { method: "POST", headers: { origin: PORTAL } }),
      context,
    );
    expect(await same.text()).toBe("done");
    const get = await route(new Request(`${PORTAL}/x`, { headers: { origin: "null" } }), context);
    expect(get.status).toBe(200);
  });
});
