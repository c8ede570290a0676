// Write the current published version to content/<policy>/, so the text can be reviewed in git.
//   npm run content:export [-- --policy sociale-media] [--content-dir path]
// Exit codes: 0 written, 1 failed, 2 usage error.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { EXIT, parseCliArgs, reportFailure, runOnStore } from "@/lib/cli/run";
import { contentDirectory, DEFAULT_POLICY, type PartSource } from "@/lib/content/source";
import { writePolicyDirectory } from "@/lib/policy/export";
import { getCurrentVersion, getVersionParts } from "@/lib/policy/versions";

const USAGE = `Gebruik: npm run content:export [-- opties]

Schrijft de huidige gepubliceerde versie naar content/<richtlijnen>/, één .mdx-bestand per
onderdeel, precies zoals gepubliceerd. Bestanden van onderdelen die niet meer bestaan, worden
verwijderd. Daarna kun je de wijziging in git bekijken en vastleggen.

  --policy <naam>        welke richtlijnen (standaard ${DEFAULT_POLICY})
  --content-dir <map>    waarheen (standaard content/<richtlijnen>)
  --help                 deze uitleg`;

type Exported = { version: { number: number; contentHash: string }; parts: PartSource[] };

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    { policy: { type: "string", default: DEFAULT_POLICY }, "content-dir": { type: "string" } },
    USAGE,
  );
  if ("exit" in parsed) return parsed.exit;
  const { policy } = parsed.values;
  try {
    const directory = path.resolve(parsed.values["content-dir"] ?? contentDirectory(policy));
    const { version, parts } = await runOnStore<Exported>({
      internalPath: "/api/internal/content-export",
      body: { policy },
      direct: async (store) => {
        const current = await getCurrentVersion({ policy, db: store.db });
        return {
          version: { number: current.number, contentHash: current.contentHash },
          parts: await getVersionParts({ versionId: current.id, db: store.db }),
        };
      },
    });
    await mkdir(directory, { recursive: true });
    const { written, removed } = await writePolicyDirectory({ dir: directory, parts });
    console.log(
      `Versie ${version.number} van ${policy} geschreven naar ${path.relative(process.cwd(), directory) || "."}: ${written.length} bestanden${removed.length ? `, verwijderd: ${removed.join(", ")}` : ""}.`,
    );
    console.log(`SHA-256: ${version.contentHash}`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
