import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReceiptView } from "@/components/receipts/receipt-view";
import { requirePermission } from "@/lib/auth/session";
import { getReceipt } from "@/lib/receipts/receipt";

export const metadata: Metadata = { title: "Bewijs van bevestiging" };

type Props = { params: Promise<{ id: string }> };

export default async function ReceiptPage({ params }: Props) {
  const user = await requirePermission("view-own-data");
  const receipt = await getReceipt({ id: (await params).id, employeeId: user.employeeId });
  if (!receipt) notFound();
  return <ReceiptView receipt={receipt} pdfHref={`/mijn-bevestigingen/${receipt.id}/pdf`} />;
}
