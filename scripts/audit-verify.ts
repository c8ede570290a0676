// Check the evidence: the audit trail's hash chain, the chain against the signed checkpoints kept
// outside the database, every acknowledgement and version against its audit event (both ways), and
// the state per employee that P&O's overview reads against the acknowledgements.
//   npm run audit:verify
// Exit codes: 0 all intact, 1 something is missing or forged (or the check failed), 2 usage error.
import { checkpointConfigFromEnv } from "@/lib/audit/checkpoint-env";
import { checkpointFile } from "@/lib/audit/checkpoints";
import { type EvidenceReport, verifyEvidence } from "@/lib/audit/verify";
import { EXIT, parseCliArgs, reportFailure, runOnStore } from "@/lib/cli/run";

const USAGE = `Gebruik: npm run audit:verify [-- --json]

Controleert de bewijslast:
  - de hashketen van de audittrail (de eerste rij waar die breekt);
  - de keten tegen de ondertekende checkpoints buiten de database (CHECKPOINT_DIR),
    zodat herschreven en weggehaalde rijen aan het eind worden gevonden;
  - elke bevestiging en versie tegen haar auditgebeurtenis, en andersom;
  - de stand per medewerker die het P&O-overzicht leest, tegen de bevestigingen.
  --json    het resultaat als JSON op stdout`;

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function print(report: EvidenceReport) {
  const { chain, checkpoints, records, keptStates } = report;
  if (chain.ok) {
    console.log(`Auditketen in orde: ${plural(chain.count, "rij", "rijen")} gecontroleerd.`);
  } else {
    const { seq, reason, message } = chain.firstBroken;
    console.error(`Auditketen verbroken bij rij ${seq} (${reason}): ${message}`);
    if (chain.count === 1) console.error("De rij daarvoor is in orde.");
    else if (chain.count > 1) console.error(`De ${chain.count} rijen daarvoor zijn in orde.`);
  }
  if (checkpoints.checked === 0 && checkpoints.findings.length === 0) {
    console.log(
      "Checkpoints: nog geen ondertekend checkpoint gevonden; het portaal schrijft er een bij de start, elk kwartier en bij elke publicatie.",
    );
  } else if (checkpoints.findings.length === 0) {
    console.log(
      `Checkpoints in orde: ${plural(checkpoints.checked, "checkpoint", "checkpoints")} gecontroleerd, het laatste bij rij ${checkpoints.latest?.seq} (${checkpoints.latest?.at}).`,
    );
  }
  for (const finding of checkpoints.findings)
    console.error(`Checkpoint (${finding.kind}): ${finding.message}`);
  if (records.findings.length === 0) {
    console.log(
      `Bevestigingen en versies in orde: ${plural(records.acknowledgements, "bevestiging", "bevestigingen")} en ${plural(records.versions, "versie", "versies")} komen overeen met de audittrail.`,
    );
  }
  for (const finding of records.findings) console.error(`${finding.kind}: ${finding.message}`);
  if (keptStates.findings.length === 0) {
    console.log(
      `Stand per medewerker in orde: ${plural(keptStates.checked, "rij komt", "rijen komen")} overeen met de bevestigingen.`,
    );
  }
  for (const finding of keptStates.findings) console.error(`${finding.kind}: ${finding.message}`);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, { json: { type: "boolean", default: false } }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;

  try {
    const checkpoints = checkpointConfigFromEnv();
    const report = await runOnStore<EvidenceReport>({
      internalPath: "/api/internal/audit-verify",
      direct: (store) => verifyEvidence({ db: store.db, checkpoints }),
    });
    if (values.json) console.log(JSON.stringify(report));
    else {
      print(report);
      if (report.checkpoints.configured)
        console.log(`(checkpoints in ${checkpointFile(checkpoints)})`);
    }
    return report.ok ? EXIT.ok : EXIT.failure;
  } catch (error) {
    return reportFailure(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
