import { z } from "zod";
import { parseDeadline } from "@/lib/policy/deadline";

// Form fields shared by the publish and deadline forms: a checkbox sends "on" or nothing, a date
// input "JJJJ-MM-DD" or "". Parsing only; the guard rails (lib/policy/guard-rails.ts) judge.
export const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const optionalDate = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    try {
      return parseDeadline(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });
