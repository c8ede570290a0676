import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NOT_FOUND_TITLE } from "@/components/layout/not-found-content";
import { ReceiptView } from "@/components/receipts/receipt-view";
import { requirePermission } from "@/lib/auth/session";
import { getReceipt } from "@/lib/receipts/receipt";
import { RECEIPT_TITLE } from "@/lib/receipts/labels";

type Props = { params: Promise<{ id: string }> };

// A receipt that does not exist (or is someone else's) must not lend its title to the 404.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePermission("view-own-data");
  const receipt = await getReceipt({ id: (await params).id, employeeId: user.employeeId });
  return { title: receipt ? RECEIPT_TITLE : NOT_FOUND_TITLE };
}

export default async function ReceiptPage({ params }: Props) {
  const user = await requirePermission("view-own-data");
  const receipt = await getReceipt({ id: (await params).id, employeeId: user.employeeId });
  if (!receipt) notFound();
  return <ReceiptView receipt={receipt} pdfHref={`/mijn-bevestigingen/${receipt.id}/pdf`} />;
}
