// Check the audit trail's hash chain and name the first broken row.
//   npm run audit:verify
// Exit codes: 0 chain intact, 1 chain broken or check failed, 2 usage error.
import { type AuditChainResult, verifyAuditChain } from "@/lib/audit/events";
import { EXIT, parseCliArgs, reportFailure, runOnStore } from "@/lib/cli/run";

const USAGE = `Gebruik: npm run audit:verify [-- --json]

Controleert de hashketen van de audittrail en noemt de eerste rij waar die breekt.
  --json    het resultaat als JSON op stdout`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, { json: { type: "boolean", default: false } }, USAGE);
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;

  try {
    const result = await runOnStore<AuditChainResult>({
      internalPath: "/api/internal/audit-verify",
      direct: (store) => verifyAuditChain({ db: store.db }),
    });
    if (values.json) console.log(JSON.stringify(result));
    if (result.ok) {
      if (!values.json)
        console.log(
          `Auditketen in orde: ${result.count} ${result.count === 1 ? "rij" : "rijen"} gecontroleerd.`,
        );
      return EXIT.ok;
    }
    const { seq, reason, message } = result.firstBroken;
    console.error(`Auditketen verbroken bij rij ${seq} (${reason}): ${message}`);
    if (result.count === 1) console.error("De rij daarvoor is in orde.");
    else if (result.count > 1) console.error(`De ${result.count} rijen daarvoor zijn in orde.`);
    return EXIT.failure;
  } catch (error) {
    return reportFailure(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
