import { authorizedRoute } from "@/lib/auth/route";
import { renderReceiptPdf } from "@/lib/receipts/pdf";
import { getReceipt } from "@/lib/receipts/receipt";

export const dynamic = "force-dynamic";

export const GET = authorizedRoute<{ id: string }>(
  "view-own-data",
  async (_request, { user, params }) => {
    const receipt = await getReceipt({ id: params.id, employeeId: user.employeeId });
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
  },
);
