import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate`; the portal applies the generated SQL itself at startup.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
