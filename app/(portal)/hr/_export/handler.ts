import "server-only";

import { Readable } from "node:stream";
import { authorizedRoute } from "@/lib/auth/route";
import { employeeLabel } from "@/lib/employees/queries";
import { parseEmployeeListFilter } from "@/lib/hr/employee-list";
import { exportFileName } from "@/lib/hr/export-cells";
import { type ExportFormat, streamEmployeeExport } from "@/lib/hr/export";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * GET /hr/export.csv and /hr/export.xlsx with the list page's search params: the filtered list as
 * a streamed download. P&O and admin (export-hr-data); everyone else gets 403.
 */
export function exportRoute(format: ExportFormat) {
  return authorizedRoute("export-hr-data", (request, { user }) => {
    // The same parser as the list page: a value that does not fit is dropped, never refused.
    const filter = parseEmployeeListFilter(new URL(request.url).searchParams);
    const now = new Date();
    const body = streamEmployeeExport({
      format,
      filter,
      now,
      actor: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
    });
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": CONTENT_TYPES[format],
        "content-disposition": `attachment; filename="${exportFileName(format, now)}"`,
        // Personal data: never kept by a browser or proxy cache.
        "cache-control": "no-store",
      },
    });
  });
}
