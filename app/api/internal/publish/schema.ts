import { z } from "zod";

// The CLI sends what readPolicyDirectory produced; publishVersion validates the MDX itself again.
export const publishBodySchema = z.object({
  policy: z.string().min(1).max(100),
  parts: z
    .array(
      z.object({
        slug: z.string().min(1).max(200),
        title: z.string().max(500),
        order: z.number().int(),
        summary: z.string().max(2_000),
        kind: z.enum(["intro", "part", "closing"]),
        source: z.string().max(500_000),
      }),
    )
    .min(1)
    .max(100),
  summary: z.string().min(1).max(2_000),
  material: z.boolean(),
  deadline: z.iso.datetime({ offset: true }).nullable(),
  /** The operator's --confirm-short-deadline: a deadline less than a week away is meant. */
  confirmShortDeadline: z.boolean().default(false),
  publishedBy: z.object({ label: z.string().min(1).max(200) }),
});
