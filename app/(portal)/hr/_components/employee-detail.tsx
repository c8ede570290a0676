import Link from "next/link";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import type { EmployeeDetail } from "@/lib/hr/employee";
import { StatusBadge } from "./status-badge";

const STATE_TEXT = {
  acknowledged: "Heeft de geldende versie bevestigd.",
  changed: "Heeft een eerdere versie bevestigd; de geldende versie nog niet.",
  outstanding: "Heeft nog geen versie bevestigd.",
} as const;

const REMINDER_STATUS = { pending: "bezig", sent: "verstuurd", failed: "mislukt" } as const;
const MAIL_KIND = {
  reminder: "Herinnering",
  deadline_passed: "Uiterste datum verstreken",
} as const;

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-stone-700 dark:text-stone-300">{children}</p>;
}

export function EmployeeDetailView({ detail }: { detail: EmployeeDetail }) {
  const { roster, account, row } = detail;
  const name = roster?.name ?? account?.name ?? "";
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p>
          <Link href="/hr/medewerkers" className={linkClasses}>
            ← Alle medewerkers
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
          {name}
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={row.status} />
          {row.state ? <span>{STATE_TEXT[row.state]}</span> : null}
          {row.overdue && row.status !== "left" ? (
            <span>De uiterste datum is verstreken.</span>
          ) : null}
        </p>
      </div>

      <Card aria-labelledby="personeelsbestand-titel">
        <h2 id="personeelsbestand-titel" className="mb-3 text-xl font-semibold">
          Personeelsbestand
        </h2>
        {roster ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
            <dt className="font-semibold">Personeelsnummer</dt>
            <dd>{roster.employeeNumber}</dd>
            <dt className="font-semibold">E-mailadres</dt>
            <dd className="break-all">{roster.email}</dd>
            <dt className="font-semibold">Afdeling</dt>
            <dd>{roster.department}</dd>
            <dt className="font-semibold">Leidinggevende</dt>
            <dd>{roster.manager ?? "–"}</dd>
            <dt className="font-semibold">In dienst</dt>
            <dd>
              {roster.startDate ? formatDate(roster.startDate) : "–"}
              {roster.endDate ? ` tot ${formatDate(roster.endDate)}` : ""}
            </dd>
            <dt className="font-semibold">Uit dienst</dt>
            <dd>
              {roster.leftAt
                ? `Niet meer in het personeelsbestand sinds ${formatDateTime(roster.leftAt)}`
                : "Nee"}
            </dd>
          </dl>
        ) : (
          <Empty>
            Dit account staat niet in het personeelsbestand. Koppel het op de pagina
            Personeelsbestand.
          </Empty>
        )}
      </Card>

      <Card aria-labelledby="account-titel">
        <h2 id="account-titel" className="mb-3 text-xl font-semibold">
          Account
        </h2>
        {account ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
            <dt className="font-semibold">Naam bij aanmelden</dt>
            <dd>{account.name}</dd>
            <dt className="font-semibold">E-mailadres</dt>
            <dd className="break-all">{account.email ?? "–"}</dd>
            <dt className="font-semibold">Account-id</dt>
            <dd>{account.id}</dd>
            <dt className="font-semibold">Eerst aangemeld</dt>
            <dd>{formatDateTime(account.createdAt)}</dd>
            <dt className="font-semibold">Laatst aangemeld</dt>
            <dd>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : "–"}</dd>
          </dl>
        ) : (
          <Empty>Nog nooit aangemeld: er is geen account gekoppeld.</Empty>
        )}
      </Card>

      <Card aria-labelledby="bevestigingen-titel">
        <h2 id="bevestigingen-titel" className="mb-3 text-xl font-semibold">
          Bevestigingen
        </h2>
        {detail.acknowledgements.length ? (
          <ul className="space-y-2">
            {detail.acknowledgements.map((ack) => (
              <li key={ack.id}>
                <Link href={`/hr/bevestigingen/${ack.id}`} className={linkClasses}>
                  Versie {ack.version.number}, bevestigd op {formatDateTime(ack.acknowledgedAt)}
                </Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  (kenmerk <code>{ack.reference}</code>)
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>Geen bevestigingen.</Empty>
        )}
      </Card>

      <Card aria-labelledby="herinneringen-titel">
        <h2 id="herinneringen-titel" className="mb-3 text-xl font-semibold">
          Herinneringen
        </h2>
        {detail.reminders.length ? (
          <ul className="space-y-1">
            {detail.reminders.map((reminder) => (
              <li key={reminder.id}>
                {formatDate(reminder.day)}: {MAIL_KIND[reminder.kind]},{" "}
                {REMINDER_STATUS[reminder.status]}
                {reminder.source === "manual" ? ` (door ${reminder.actorLabel})` : " (gepland)"}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>Geen herinneringen verstuurd.</Empty>
        )}
        {detail.mail.length ? (
          <>
            <h3 className="mt-4 mb-2 font-semibold">Verstuurde e-mail</h3>
            <ul className="space-y-1">
              {detail.mail.map((mail) => (
                <li key={mail.id}>
                  {formatDateTime(mail.createdAt)}: {mail.subject} —{" "}
                  {mail.status === "sent" ? "verstuurd" : "mislukt"}
                  {mail.transport === "outbox" ? " (naar de outbox)" : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>

      <Card aria-labelledby="aanmeldingen-titel">
        <h2 id="aanmeldingen-titel" className="mb-3 text-xl font-semibold">
          Aanmeldingen
        </h2>
        {detail.signIns.length ? (
          <ul className="space-y-1">
            {detail.signIns.map((signIn, index) => (
              <li key={index}>
                {formatDateTime(signIn.at)}
                {signIn.firstSignIn ? " (eerste keer)" : ""}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>Geen aanmeldingen.</Empty>
        )}
      </Card>
    </div>
  );
}
