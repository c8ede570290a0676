"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { getVersion } from "@/lib/policy/versions";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/dates";

export type AcknowledgeState =
  | null
  | { status: "ok"; versionNumber: number; acknowledgedAtText: string }
  | { status: "invalid"; message: string; errors: Partial<Record<"confirm" | "versionId" | "contentHash", string[]>> }
  | { status: "error"; message: string };

const acknowledgeSchema = z.object({
  versionId: z.coerce.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  confirm: z.literal("ja", { message: "Vink aan dat je de richtlijnen hebt gelezen en begrepen." }),
});

export async function acknowledgeAction(_previous: AcknowledgeState, formData: FormData): Promise<AcknowledgeState> {
  // A page-level check does not protect an action: check the session here first.
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: "Je sessie is verlopen. Meld je opnieuw aan en bevestig dan." };

  const parsed = acknowledgeSchema.safeParse({
    versionId: formData.get("versionId"),
    contentHash: formData.get("contentHash"),
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "invalid",
      message: errors.confirm?.[0] ?? "Het formulier is niet volledig. Laad de pagina opnieuw en probeer het nog eens.",
      errors,
    };
  }

  const userAgent = (await headers()).get("user-agent") ?? "";
  try {
    const { acknowledgement } = await acknowledgeVersion({
      employeeId: user.employeeId,
      versionId: parsed.data.versionId,
      contentHash: parsed.data.contentHash,
      userAgent,
    });
    const version = await getVersion({ id: acknowledgement.versionId });
    revalidatePath("/", "layout");
    return {
      status: "ok",
      versionNumber: version?.number ?? parsed.data.versionId,
      acknowledgedAtText: formatDateTime(acknowledgement.acknowledgedAt),
    };
  } catch (error) {
    if (error instanceof AppError && error.code !== "internal") return { status: "error", message: error.message };
    console.error("acknowledge failed", error);
    return { status: "error", message: "Het bevestigen is niet gelukt door een storing. Probeer het over een paar minuten opnieuw." };
  }
}
