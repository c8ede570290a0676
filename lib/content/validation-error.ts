// One shape for every content or publication problem, and one Dutch way to print it: the publish
// CLI, the internal publish route and the editor report what the domain function found.

export type ValidationError = {
  /** Dutch, addressed to the person who wrote the content. */
  message: string;
  /** 1-based position in the part's source, when the problem has one. */
  line?: number;
  column?: number;
  /** The file the part was read from, when it came from a directory. */
  file?: string;
  /** The part's slug, when the problem belongs to one part. */
  part?: string;
};

/** "20-privegebruik.mdx, regel 3, kolom 1: …", "Onderdeel algemeen: …" or just the message. */
export function formatValidationError(error: ValidationError): string {
  const where = [
    error.file ?? (error.part ? `Onderdeel ${error.part}` : null),
    error.line ? `regel ${error.line}, kolom ${error.column ?? 1}` : null,
  ].filter(Boolean);
  return where.length ? `${where.join(", ")}: ${error.message}` : error.message;
}

export function formatValidationErrors(
  errors: readonly ValidationError[],
  heading = "Deze versie kan niet worden gepubliceerd:",
): string {
  if (!heading) return errors.map(formatValidationError).join("\n");
  return `${heading}\n- ${errors.map(formatValidationError).join("\n- ")}`;
}

/** The errors an AppError carries in its details, when it carries them. */
export function validationErrorsOf(details: unknown): ValidationError[] | null {
  if (!details || typeof details !== "object" || !("errors" in details)) return null;
  const { errors } = details as { errors: unknown };
  if (!Array.isArray(errors)) return null;
  return errors.every(
    (error) => error && typeof error === "object" && typeof error.message === "string",
  )
    ? (errors as ValidationError[])
    : null;
}
