// Import the personnel file (CSV or XLSX as exported by the HR system) into the roster.
//   npm run roster:import -- personeel.csv [--dry-run] [--yes] [--by "naam"]
// Exit codes: 0 imported (or previewed), 1 failed (bad rows: nothing imported; store problem), 2 usage error.
import os from "node:os";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { EXIT, reportFailure, runOnStore } from "@/lib/cli/run";
import {
  applyRosterImport,
  limitPreview,
  previewRosterImport,
  type RosterCounts,
  type RosterImportResult,
  type RosterPreview,
} from "@/lib/roster/import";
import { formatIssue, parseRosterFile, rosterSourceFromPath } from "@/lib/roster/parse";
import type { RosterRow } from "@/lib/roster/values";

const USAGE = `Gebruik: npm run roster:import -- <bestand.csv|bestand.xlsx> [opties]

Leest het personeelsbestand in: nieuwe medewerkers worden toegevoegd, gewijzigde bijgewerkt, en wie
niet meer in het bestand staat, wordt als uit dienst gemarkeerd (nooit verwijderd).
Eén foute regel en er wordt niets ingelezen.

  --dry-run      alleen laten zien wat er zou veranderen
  --yes          zonder vragen doorvoeren (voor een nachtelijke taak)
  --by <naam>    wie inleest (standaard: je gebruikersnaam)
  --help         deze uitleg`;

const LIST_LIMIT = 20;
const number = (n: number) => n.toLocaleString("nl-NL");

function parseCommandLine(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        yes: { type: "boolean", default: false },
        by: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
    return { values, positionals };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return null;
  }
}

function printPreview(preview: RosterPreview) {
  const { counts } = preview;
  console.log(`Medewerkers in het bestand: ${number(counts.total)}`);
  console.log(`  nieuw:             ${number(counts.new)}`);
  console.log(`  gewijzigd:         ${number(counts.changed)}`);
  console.log(`  terug in dienst:   ${number(counts.returning)}`);
  console.log(`  uit dienst:        ${number(counts.left)}`);
  console.log(`  ongewijzigd:       ${number(counts.unchanged)}`);
  const more = (shown: number, total: number) =>
    total > shown ? console.log(`    … en nog ${number(total - shown)}`) : undefined;
  if (preview.new.length) {
    console.log("Nieuw:");
    for (const row of preview.new)
      console.log(`  ${row.employeeNumber}  ${row.name}  (${row.department})`);
    more(preview.new.length, counts.new);
  }
  if (preview.changed.length) {
    console.log("Gewijzigd:");
    for (const entry of preview.changed)
      console.log(
        `  ${entry.employeeNumber}  ${entry.name}: ${entry.changes
          .map((change) => `${change.field} "${change.before ?? ""}" → "${change.after ?? ""}"`)
          .join(", ")}`,
      );
    more(preview.changed.length, counts.changed);
  }
  if (preview.returning.length) {
    console.log("Terug in dienst:");
    for (const entry of preview.returning) console.log(`  ${entry.employeeNumber}  ${entry.name}`);
    more(preview.returning.length, counts.returning);
  }
  if (preview.left.length) {
    console.log("Uit dienst (niet meer in het bestand):");
    for (const entry of preview.left)
      console.log(`  ${entry.employeeNumber}  ${entry.name}  (${entry.department})`);
    more(preview.left.length, counts.left);
  }
}

async function confirm(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question("Doorvoeren? (j/N) ");
    return /^(j|ja|y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed) return EXIT.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    console.error(`Geef precies één bestand op.\n\n${USAGE}`);
    return EXIT.usage;
  }
  const dryRun = values["dry-run"];
  if (!dryRun && !values.yes && !process.stdin.isTTY) {
    console.error(
      "Zonder terminal kan er niet worden gevraagd of de wijzigingen door moeten gaan: gebruik --yes (of --dry-run).",
    );
    return EXIT.usage;
  }
  const file = positionals[0];
  let source;
  try {
    source = rosterSourceFromPath(file);
  } catch (error) {
    console.error(`Het bestand ${file} kan niet worden geopend: ${(error as Error).message}`);
    return EXIT.failure;
  }

  const started = Date.now();
  const interactive = process.stderr.isTTY;
  let lastLogged = 0;
  const result = await parseRosterFile({
    source,
    onProgress: ({ rowsRead, bytesRead, totalBytes }) => {
      const share = totalBytes
        ? ` (${Math.min(100, Math.round((bytesRead / totalBytes) * 100))}%)`
        : "";
      const line = `Gelezen: ${number(rowsRead)} regels${share}`;
      if (interactive) process.stderr.write(`\r${line}`);
      else if (rowsRead - lastLogged >= 10_000) {
        lastLogged = rowsRead;
        console.error(line);
      }
    },
  });
  if (interactive) process.stderr.write("\n");
  for (const notice of result.notices) console.error(`Let op: ${notice}`);
  if (!result.ok) {
    for (const issue of result.errors) console.error(formatIssue(issue));
    if (result.errorCount > result.errors.length)
      console.error(`… en nog ${number(result.errorCount - result.errors.length)} fouten.`);
    console.error(
      `${number(result.errorCount)} ${result.errorCount === 1 ? "fout" : "fouten"} in ${source.name}: er is niets ingelezen.`,
    );
    return EXIT.failure;
  }
  console.error(
    `${source.name}: ${number(result.rows.length)} medewerkers gelezen in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (result.encoding ? ` (${result.encoding}, scheidingsteken "${result.delimiter}")` : "") +
      ".",
  );

  const rows: RosterRow[] = result.rows;
  const label = values.by?.trim() || `${os.userInfo().username} (CLI)`;
  try {
    const preview = await runOnStore<RosterPreview>({
      internalPath: "/api/internal/roster-import",
      body: { mode: "preview", rows },
      direct: async (store) =>
        limitPreview(await previewRosterImport({ rows, db: store.db }), LIST_LIMIT),
    });
    printPreview(preview);
    if (dryRun) {
      console.log("Proefdraai (--dry-run): er is niets veranderd.");
      return EXIT.ok;
    }
    if (!values.yes && !(await confirm())) {
      console.log("Afgebroken: er is niets veranderd.");
      return EXIT.ok;
    }
    const expectedCounts: RosterCounts = preview.counts;
    const applied = await runOnStore<RosterImportResult>({
      internalPath: "/api/internal/roster-import",
      body: { mode: "apply", rows, fileName: source.name, expectedCounts, actor: { label } },
      direct: (store) =>
        applyRosterImport({
          rows,
          actor: { label },
          fileName: source.name,
          expectedCounts,
          db: store.db,
        }),
    });
    const { counts } = applied;
    console.log(
      `Personeelsbestand bijgewerkt: ${number(counts.new)} nieuw, ${number(counts.changed)} gewijzigd, ` +
        `${number(counts.returning)} terug in dienst, ${number(counts.left)} uit dienst, ${number(counts.unchanged)} ongewijzigd; ` +
        `${number(applied.linked.length)} ${applied.linked.length === 1 ? "account" : "accounts"} gekoppeld.`,
    );
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
