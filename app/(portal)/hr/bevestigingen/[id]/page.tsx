import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReceiptView } from "@/components/receipts/receipt-view";
import { requirePermission } from "@/lib/auth/session";
import { getReceiptForHr } from "@/lib/receipts/receipt";

export const metadata: Metadata = { title: "Bewijs van bevestiging" };

type Props = { params: Promise<{ id: string }> };

// The employee's own receipt, as P&O sees it: same page, same PDF.
export default async function HrReceiptPage({ params }: Props) {
  await requirePermission("view-hr-data");
  const receipt = await getReceiptForHr({ id: (await params).id });
  if (!receipt) notFound();
  return <ReceiptView receipt={receipt} pdfHref={`/hr/bevestigingen/${receipt.id}/pdf`} />;
}
