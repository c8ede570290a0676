import { authorizedRoute } from "@/lib/auth/route";
import { renderReceiptPdf } from "@/lib/receipts/pdf";
import { getReceiptForHr } from "@/lib/receipts/receipt";

export const dynamic = "force-dynamic";

export const GET = authorizedRoute<{ id: string }>("view-hr-data", async (_request, { params }) => {
  const receipt = await getReceiptForHr({ id: params.id });
  if (!receipt)
    return new Response("Niet gevonden", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const pdf = await renderReceiptPdf(receipt);
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="bewijs-van-bevestiging-${receipt.reference}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
