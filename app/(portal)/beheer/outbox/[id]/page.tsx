import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/dates";
import { getOutboxMessage } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Bericht in de outbox" };

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("administer");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const message = await getOutboxMessage({ id: id.data });
  if (!message) notFound();

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/beheer/outbox" className={linkClasses}>
          Terug naar de outbox
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        {message.subject}
      </h1>
      <Card aria-label="Kopregels">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[8rem_1fr]">
          <dt className="font-semibold">Van</dt>
          <dd className="break-all">{message.sender}</dd>
          <dt className="font-semibold">Aan</dt>
          <dd className="break-all">{message.recipient || "(gewist)"}</dd>
          <dt className="font-semibold">Datum</dt>
          <dd>{formatDateTime(message.createdAt)}</dd>
        </dl>
      </Card>
      <Card aria-label="Tekst van het bericht">
        {/* The plain-text part: no HTML from the database is rendered into the portal's page. */}
        <pre className="font-sans break-words whitespace-pre-wrap">
          {message.textBody ?? "(De tekst is gewist.)"}
        </pre>
      </Card>
    </div>
  );
}
