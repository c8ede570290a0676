// Publish the content directory as a new version of the guidelines.
//   npm run content:publish -- --summary "..." [--material] [--deadline 2027-03-31] [--content-dir path] [--by "name"] [--policy sociale-media]
// Exit codes: 0 published, 1 failed (invalid content, identical to the current version, store problem), 2 usage error.
import os from "node:os";
import path from "node:path";
import { contentDirectory, DEFAULT_POLICY, readPolicyDirectory } from "@/lib/content/source";
import { EXIT, parseCliArgs, reportFailure, runOnStore } from "@/lib/db/cli";
import type { PolicyVersion } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { parseDeadline } from "@/lib/policy/deadline";
import { cliPublisherLabel } from "@/lib/policy/publisher";
import { ensureInitialVersion, publishVersion } from "@/lib/policy/versions";

const USAGE = `Gebruik: npm run content:publish -- --summary "Wat is er veranderd" [opties]

  --summary <tekst>      samenvatting van de wijziging (verplicht)
  --material             inhoudelijke wijziging: iedereen moet opnieuw bevestigen
                         (zonder deze optie: redactionele wijziging, bevestigingen blijven gelden)
  --deadline <datum>     uiterste datum om te bevestigen, JJJJ-MM-DD (alleen met --material)
  --content-dir <map>    map met de MDX-bestanden (standaard content/<richtlijnen>)
  --policy <naam>        welke richtlijnen (standaard ${DEFAULT_POLICY})
  --by <naam>            wie publiceert (standaard: je gebruikersnaam)
  --help                 deze uitleg`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      summary: { type: "string" },
      material: { type: "boolean", default: false },
      deadline: { type: "string" },
      "content-dir": { type: "string" },
      policy: { type: "string", default: DEFAULT_POLICY },
      by: { type: "string" },
    },
    USAGE,
  );
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const summary = values.summary?.trim();
  if (!summary) {
    console.error(`--summary ontbreekt.\n\n${USAGE}`);
    return EXIT.usage;
  }
  let deadline: Date | null = null;
  if (values.deadline !== undefined) {
    if (!values.material) {
      console.error(
        "--deadline kan alleen samen met --material: bij een redactionele wijziging hoeft niemand opnieuw te bevestigen.",
      );
      return EXIT.usage;
    }
    try {
      deadline = parseDeadline(values.deadline);
    } catch (error) {
      console.error((error as Error).message);
      return EXIT.usage;
    }
  }

  const policy = values.policy;
  const directory = path.resolve(values["content-dir"] ?? contentDirectory(policy));
  // The portal, when it publishes for us, decides the account itself; this is for the direct path.
  const label = cliPublisherLabel(values.by);

  try {
    const parts = await readPolicyDirectory(directory);
    const { version } = await runOnStore<{ version: PolicyVersion }>({
      internalPath: "/api/internal/publish",
      body: {
        policy,
        parts,
        summary,
        material: values.material,
        deadline: deadline?.toISOString() ?? null,
        // Only the name given with --by: the portal records the OS account itself.
        publishedBy: { label: values.by?.trim() || os.userInfo().username },
      },
      direct: async (store) => {
        // A store the portal never opened has no version 1 yet; number after the shipped content.
        if (policy === DEFAULT_POLICY) await ensureInitialVersion({ db: store.db, policy });
        return {
          version: await publishVersion({
            db: store.db,
            policy,
            parts,
            summary,
            material: values.material,
            deadline,
            publishedBy: { label },
          }),
        };
      },
    });
    const kind = version.material ? "inhoudelijke wijziging" : "redactionele wijziging";
    const due = version.deadline ? `, uiterste datum ${formatDate(version.deadline)}` : "";
    console.log(`Versie ${version.number} van ${version.policy} gepubliceerd (${kind}${due}).`);
    console.log(`SHA-256: ${version.contentHash}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_input") {
      console.error(error.message);
      return EXIT.failure;
    }
    return reportFailure(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
