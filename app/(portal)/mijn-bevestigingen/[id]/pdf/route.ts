import { getCurrentUser } from "@/lib/auth/session";
import { renderReceiptPdf } from "@/lib/receipts/pdf";
import { getReceipt } from "@/lib/receipts/receipt";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) {
    const url = new URL(request.url);
    return Response.redirect(
      new URL(`/aanmelden?callbackUrl=${encodeURIComponent(url.pathname)}`, url),
      303,
    );
  }
  const receipt = await getReceipt({ id: (await params).id, employeeId: user.employeeId });
  if (!receipt)
    return new Response("Niet gevonden", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });

  const pdf = await renderReceiptPdf(receipt);
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="bewijs-van-bevestiging-versie-${receipt.versionNumber}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
