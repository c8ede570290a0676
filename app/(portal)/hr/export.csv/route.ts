import { exportRoute } from "../_export/handler";

export const dynamic = "force-dynamic";

export const GET = exportRoute("csv");
