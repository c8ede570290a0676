// Publish the content directory as a new version of the guidelines.
//   npm run content:publish -- --summary "..." [--material] [--deadline 2027-03-31] [--content-dir path] [--by "name"] [--policy sociale-media]
// Exit codes: 0 published, 1 failed (invalid content, identical to the current version, store problem), 2 usage error.
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  contentDirectory,
  DEFAULT_POLICY,
  hashParts,
  type PartSource,
  readPolicyDirectory,
} from "@/lib/content/source";
import { EXIT, parseCliArgs, reportFailure, runOnStore } from "@/lib/cli/run";
import { storeSettings } from "@/lib/db/client";
import { callRunningPortal, findRunningPortal, isOutcomeUnknown } from "@/lib/cli/portal-link";
import { checkpointConfigFromEnv } from "@/lib/audit/checkpoint-env";
import { configureCheckpoints } from "@/lib/audit/checkpoints";
import type { PolicyVersion } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { parseDeadline } from "@/lib/policy/deadline";
import { cliPublisherLabel } from "@/lib/policy/publisher";
import { PUBLISH_BUDGET_MS } from "@/lib/policy/renderings";
import { publishGuarded } from "@/lib/policy/publish";

const USAGE = `Gebruik: npm run content:publish -- --summary "Wat is er veranderd" [opties]

  --summary <tekst>      samenvatting van de wijziging (verplicht)
  --material             inhoudelijke wijziging: iedereen moet opnieuw bevestigen
                         (zonder deze optie: redactionele wijziging, bevestigingen blijven gelden)
  --deadline <datum>     uiterste datum om te bevestigen, JJJJ-MM-DD (alleen met --material);
                         moet na vandaag liggen
  --confirm-short-deadline
                         bevestig een uiterste datum die minder dan een week weg is
  --content-dir <map>    map met de MDX-bestanden (standaard content/<richtlijnen>)
  --policy <naam>        welke richtlijnen (standaard ${DEFAULT_POLICY})
  --by <naam>            wie publiceert (standaard: je gebruikersnaam)
  --help                 deze uitleg`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      summary: { type: "string", required: true },
      material: { type: "boolean", default: false },
      deadline: { type: "string" },
      "confirm-short-deadline": { type: "boolean", default: false },
      "content-dir": { type: "string" },
      policy: { type: "string", default: DEFAULT_POLICY },
      by: { type: "string" },
    },
    USAGE,
  );
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const { summary } = values;
  let deadline: Date | null = null;
  if (values.deadline !== undefined) {
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

  let parts: PartSource[] | null = null;
  const sentAt = Date.now();
  try {
    const read = await readPolicyDirectory(directory);
    parts = read;
    const { version } = await runOnStore<{ version: PolicyVersion }>({
      internalPath: "/api/internal/publish",
      body: {
        policy,
        parts: read,
        summary,
        material: values.material,
        deadline: deadline?.toISOString() ?? null,
        confirmShortDeadline: values["confirm-short-deadline"],
        // Only the name given with --by: the portal records the OS account itself.
        publishedBy: { label: values.by?.trim() || os.userInfo().username },
      },
      direct: async (store) => {
        // Published here, not by the portal: this process writes the checkpoint.
        configureCheckpoints(checkpointConfigFromEnv());
        return {
          version: await publishGuarded({
            db: store.db,
            policy,
            parts: read,
            summary,
            material: values.material,
            deadline,
            confirmShortDeadline: values["confirm-short-deadline"],
            publishedBy: { label },
          }),
        };
      },
    });
    reportPublished(version);
    return EXIT.ok;
  } catch (error) {
    if (parts && isOutcomeUnknown(error)) {
      console.error(`${(error as Error).message} Nagaan of de versie toch is gepubliceerd…`);
      const found = await findOwnPublication({ policy, parts, sentAt });
      if (found === "unknown") {
        console.error(
          "De uitkomst is onbekend: het portaal gaf geen antwoord. Kijk op /richtlijnen/wijzigingen of de versie er staat voordat je opnieuw publiceert.",
        );
        return EXIT.failure;
      }
      if (found) {
        reportPublished(found);
        return EXIT.ok;
      }
      console.error("Niet gepubliceerd: het portaal heeft geen versie met deze inhoud opgeslagen.");
      return EXIT.failure;
    }
    const code = reportFailure(error);
    const reason =
      error instanceof AppError ? (error.details as { reason?: unknown })?.reason : null;
    if (reason === "deadline_needs_confirmation") {
      console.error("Bedoel je deze datum? Publiceer dan opnieuw met --confirm-short-deadline.");
    }
    return code;
  }
}

function reportPublished(version: PolicyVersion) {
  const kind = version.material ? "inhoudelijke wijziging" : "redactionele wijziging";
  const due = version.deadline ? `, uiterste datum ${formatDate(new Date(version.deadline))}` : "";
  console.log(`Versie ${version.number} van ${version.policy} gepubliceerd (${kind}${due}).`);
  console.log(`SHA-256: ${version.contentHash}`);
}

/** How often to ask, and how long past the portal's own publish budget to keep asking. */
const STATUS_INTERVAL_MS = 2_000;
const STATUS_GRACE_MS = 30_000;

/**
 * After a lost connection: asks the portal, by content hash, for a version of this content
 * published since the request was sent. Keeps asking until the portal's publish budget (plus
 * grace) has passed, since the publish may still be under way. Returns the version, null when
 * the portal answers that there is none after the budget, or "unknown" when it never answers.
 */
async function findOwnPublication({
  policy,
  parts,
  sentAt,
}: {
  policy: string;
  parts: PartSource[];
  sentAt: number;
}): Promise<PolicyVersion | null | "unknown"> {
  const contentHash = hashParts(parts.map(({ slug, source }) => ({ slug, source })));
  const deadline = sentAt + PUBLISH_BUDGET_MS + STATUS_GRACE_MS;
  let answered = false;
  for (;;) {
    const portal = findRunningPortal(storeSettings().dataDir);
    if (portal) {
      try {
        const { version } = await callRunningPortal<{ version: PolicyVersion | null }>({
          lock: portal,
          path: "/api/internal/publish-status",
          body: { policy, contentHash },
        });
        answered = true;
        // Same machine, same clock; a second of slack for rounding in the database.
        if (version && new Date(version.publishedAt).getTime() >= sentAt - 1_000) return version;
      } catch {
        // Restarting or busy: ask again.
      }
    }
    if (Date.now() >= deadline) return answered ? null : "unknown";
    await sleep(STATUS_INTERVAL_MS);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
