import "server-only";

import { parseArgs } from "node:util";
import { callRunningPortal, findRunningPortal } from "@/lib/cli/portal-link";
import { openStore, type Store, type StoreLocation, storeSettings } from "@/lib/db/client";
import { formatValidationErrors, validationErrorsOf } from "@/lib/content/validation-error";
import { AppError } from "@/lib/errors";
import { seedStore } from "@/lib/policy/seed";

/**
 * How a CLI runs an operation: through the running portal when it holds the embedded store,
 * otherwise on the store directly (PostgreSQL, or PGlite with no portal running).
 */
export async function runOnStore<T>({
  internalPath,
  body,
  direct,
  log = (line) => console.error(line),
}: {
  internalPath: string;
  body?: unknown;
  direct: (store: Store) => Promise<T>;
  log?: (line: string) => void;
}): Promise<T> {
  const { dataDir, databaseUrl, migrationDatabaseUrl } = storeSettings();
  if (databaseUrl) return withStore({ databaseUrl, migrationDatabaseUrl }, direct);

  const portal = findRunningPortal(dataDir);
  if (portal) {
    log(
      `Het portaal (proces ${portal.pid}, poort ${portal.port ?? "onbekend"}) heeft de datamap open; het verzoek gaat via het portaal.`,
    );
    return callRunningPortal<T>({ lock: portal, path: internalPath, body });
  }
  try {
    return await withStore({ dataDir }, direct);
  } catch (error) {
    // The portal may have started between the check and the open: ask it instead.
    const late =
      error instanceof AppError && error.code === "store_locked"
        ? findRunningPortal(dataDir)
        : null;
    if (late?.port) return callRunningPortal<T>({ lock: late, path: internalPath, body });
    throw error;
  }
}

async function withStore<T>(location: StoreLocation, fn: (store: Store) => Promise<T>) {
  const store = await openStore(location);
  try {
    // The same starting state the portal gives a store: a CLI may be the first to open it.
    await seedStore({ db: store.db });
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Exit codes shared by the CLIs. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export function reportFailure(error: unknown): number {
  const errors = error instanceof AppError ? validationErrorsOf(error.details) : null;
  if (errors) {
    console.error(formatValidationErrors(errors));
  } else if (error instanceof AppError && error.code === "invalid_input") {
    // Bad input is the user's to fix: the Dutch message alone says what.
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(`Fout (${error.code}): ${error.message}`);
  } else {
    console.error("Onverwachte fout:", error);
  }
  return EXIT.failure;
}

type CliOptions = Record<
  string,
  { type: "string" | "boolean"; default?: string | boolean; required?: boolean }
>;
type CliValues<O extends CliOptions> = {
  [K in keyof O]: O[K]["type"] extends "boolean"
    ? boolean
    : O[K] extends { default: string } | { required: true }
      ? string
      : string | undefined;
};

/**
 * Parses a CLI's flags strictly. Returns the values, or the exit code to stop with: a usage error
 * (message and usage on stderr) or --help (usage on stdout).
 */
export function parseCliArgs<O extends CliOptions>(
  argv: string[],
  options: O,
  usage: string,
): { values: CliValues<O> } | { exit: number } {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        // node:util's parseArgs knows no `required`; presence is checked below.
        ...Object.fromEntries(
          Object.entries(options).map(([name, option]) => [
            name,
            option.default === undefined
              ? { type: option.type }
              : { type: option.type, default: option.default },
          ]),
        ),
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return { exit: EXIT.usage };
  }
  if (values.help) {
    console.log(usage);
    return { exit: EXIT.ok };
  }
  // Only presence: what the value must be is the domain function's to check.
  for (const [name, option] of Object.entries(options)) {
    if (option.required && values[name] === undefined) {
      console.error(`--${name} ontbreekt.\n\n${usage}`);
      return { exit: EXIT.usage };
    }
  }
  return { values: values as CliValues<O> };
}
