import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format/dates";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 50;
const searchSchema = z.object({ pagina: z.coerce.number().int().min(1).max(100_000).catch(1) });

const KIND_LABEL = {
  reminder: "Herinnering",
  deadline_passed: "Uiterste datum verstreken",
  new_version: "Nieuwe versie",
};

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("administer");
  const { pagina } = searchSchema.parse(await searchParams);
  const { messages, total } = await listOutbox({
    limit: PAGE_SIZE,
    offset: (pagina - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Outbox
      </h1>
      <p
        role="note"
        className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:border-amber-300 dark:bg-stone-900 dark:text-amber-100"
      >
        {env.MAIL.transport === "outbox"
          ? "Alleen voor ontwikkeling en de demo-omgeving: er is geen mailserver ingesteld (SMTP_URL), dus het portaal bewaart de mail hier in plaats van hem te versturen. Stel in productie een mailserver in."
          : // What is listed dates from a start without SMTP.
            "Alleen voor ontwikkeling en de demo-omgeving. Er is een mailserver ingesteld: het portaal verstuurt de mail en bewaart hier geen nieuwe berichten."}
      </p>
      <Card aria-labelledby="berichten-titel">
        <h2 id="berichten-titel" className="mb-3 text-xl font-semibold">
          Berichten ({total})
        </h2>
        {messages.length === 0 ? (
          <p>De outbox is leeg.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Berichten in de outbox, nieuwste eerst</caption>
              <thead>
                <tr className="border-b border-stone-300 dark:border-stone-700">
                  <th scope="col" className="py-2 pr-4">
                    Verstuurd
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Aan
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Onderwerp
                  </th>
                  <th scope="col" className="py-2">
                    Soort
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => (
                  <tr key={message.id} className="border-b border-stone-200 dark:border-stone-800">
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {formatDateTime(message.createdAt)}
                    </td>
                    <td className="py-2 pr-4 break-all">{message.recipient || "(gewist)"}</td>
                    <td className="py-2 pr-4">
                      <Link href={`/beheer/outbox/${message.id}`} className={linkClasses}>
                        {message.subject}
                      </Link>
                    </td>
                    <td className="py-2">{KIND_LABEL[message.kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 ? (
          <nav aria-label="Pagina's" className="mt-4 flex gap-4">
            {pagina > 1 ? (
              <Link href={`/beheer/outbox?pagina=${pagina - 1}`} className={linkClasses}>
                Vorige pagina
              </Link>
            ) : null}
            <span>
              Pagina {pagina} van {pages}
            </span>
            {pagina < pages ? (
              <Link href={`/beheer/outbox?pagina=${pagina + 1}`} className={linkClasses}>
                Volgende pagina
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
