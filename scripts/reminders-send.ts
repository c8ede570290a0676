// Send the scheduled reminders: a week before the deadline and the day after it (configurable).
//   npm run reminders:send [-- --days-before 7 --days-after 1 --policy sociale-media --json]
// Run it daily from cron or a systemd timer, on one host or several: each employee gets at most
// one mail a day (a unique key in the database), and an advisory lock lets one run work at a time.
// Exit codes: 0 done (also: nothing to send today, or another run is busy), 1 a mail or the run
// failed, 2 usage error.
import { DEFAULT_POLICY } from "@/lib/content/source";
import { EXIT, parseCliArgs, reportFailure, runOnStore } from "@/lib/cli/run";
import { formatDate } from "@/lib/format/dates";
import { getMailer } from "@/lib/mail/transport";
import { DEFAULT_SCHEDULE, parseDayList } from "@/lib/reminders/days";
import { type ScheduledRunResult, runScheduledReminders } from "@/lib/reminders/send";

const USAGE = `Gebruik: npm run reminders:send [-- opties]

Stuurt de geplande herinneringen aan medewerkers die de huidige versie nog niet hebben bevestigd.
Draai het dagelijks (cron of een systemd-timer); per medewerker gaat er hoogstens één mail per dag uit.

  --days-before <dagen>  herinnering zoveel dagen voor de uiterste datum, bijv. 7 of 14,7,1
                         (0 = op de dag zelf; standaard ${DEFAULT_SCHEDULE.daysBefore.join(",")})
  --days-after <dagen>   melding "uiterste datum verstreken" zoveel dagen erna (standaard ${DEFAULT_SCHEDULE.daysAfter.join(",")})
  --policy <naam>        welke richtlijnen (standaard ${DEFAULT_POLICY})
  --json                 het resultaat als JSON op stdout
  --help                 deze uitleg`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      "days-before": { type: "string", default: DEFAULT_SCHEDULE.daysBefore.join(",") },
      "days-after": { type: "string", default: DEFAULT_SCHEDULE.daysAfter.join(",") },
      policy: { type: "string", default: DEFAULT_POLICY },
      json: { type: "boolean", default: false },
    },
    USAGE,
  );
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  const daysBefore = parseDayList(values["days-before"], { min: 0 });
  const daysAfter = parseDayList(values["days-after"], { min: 1 });
  if (!daysBefore || !daysAfter) {
    console.error(
      `${!daysBefore ? "--days-before" : "--days-after"} verwacht hele dagen, gescheiden door komma's (${!daysBefore ? "0" : "1"} t/m 365), bijvoorbeeld 14,7,1.\n\n${USAGE}`,
    );
    return EXIT.usage;
  }
  const policy = values.policy;

  try {
    const result = await runOnStore<ScheduledRunResult>({
      internalPath: "/api/internal/reminders",
      body: { policy, daysBefore, daysAfter },
      direct: async (store) => {
        const mailer = getMailer();
        try {
          return await runScheduledReminders({
            policy,
            schedule: { daysBefore, daysAfter },
            mailer,
            db: store.db,
          });
        } finally {
          mailer.close();
        }
      },
    });
    if (values.json) console.log(JSON.stringify(result));
    else printSummary(result, { daysBefore, daysAfter });
    if (result.status === "sent" && result.batch.failed > 0) {
      for (const failure of result.batch.failures) {
        console.error(`Niet verstuurd aan medewerker ${failure.employeeId}: ${failure.error}`);
      }
      return EXIT.failure;
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

function printSummary(
  result: ScheduledRunResult,
  schedule: { daysBefore: number[]; daysAfter: number[] },
) {
  switch (result.status) {
    case "no_deadline":
      console.log(
        `Versie ${result.versionNumber} van ${result.policy} heeft geen uiterste datum: er zijn geen geplande herinneringen.`,
      );
      return;
    case "not_today":
      console.log(
        `Vandaag (${result.day}) is geen verzenddag. Uiterste datum van versie ${result.versionNumber}: ${formatDate(result.deadline)}; ` +
          `herinneringen ${schedule.daysBefore.join(", ")} dag(en) ervoor, melding ${schedule.daysAfter.join(", ")} dag(en) erna.`,
      );
      return;
    case "busy":
      console.log(
        "Een andere run van reminders:send is al bezig (op deze of een andere machine); deze run verstuurt niets.",
      );
      return;
    case "sent": {
      const { batch, scheduled } = result;
      const due = batch.deadline ? formatDate(batch.deadline) : "onbekend";
      const what =
        scheduled.kind === "reminder"
          ? `Herinnering, ${scheduled.daysBefore} dag(en) voor de uiterste datum (${due})`
          : `Melding "uiterste datum verstreken" (${due}), ${scheduled.daysAfter} dag(en) erna`;
      console.log(
        `${what}; versie ${batch.versionNumber} van ${batch.policy}, via ${batch.transport === "smtp" ? "SMTP" : "de outbox (alleen voor ontwikkeling)"}.`,
      );
      console.log(`  openstaand:          ${batch.selected}`);
      console.log(`  verstuurd:           ${batch.sent}`);
      console.log(`  vandaag al gehad:    ${batch.alreadyToday}`);
      console.log(`  zonder e-mailadres:  ${batch.noEmail}`);
      console.log(`  mislukt:             ${batch.failed}`);
      return;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(reportFailure(error)),
);
