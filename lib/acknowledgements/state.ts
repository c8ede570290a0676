// The acknowledgement-state rule, for one employee, with no I/O: the portal's banner uses it
// through getAcknowledgementStatus, and lib/acknowledgements/reports.ts states the same rule in SQL
// for many employees at once. A property test (tests/integration/acknowledgement-state.test.ts)
// holds the two forms together; see docs/decisions/0005-acknowledgement-state-rule.md.

export type AcknowledgementState = "acknowledged" | "outstanding" | "changed";

/** What the rule needs to know about a version; the full database row fits. */
export type VersionFacts = {
  number: number;
  material: boolean;
  deadline: Date | null;
};

/** What the rule needs to know about an acknowledgement: which version it was for. */
export type AcknowledgementFacts<V extends VersionFacts = VersionFacts> = { version: V };

export type AcknowledgementStateResult<
  V extends VersionFacts,
  A extends AcknowledgementFacts<V>,
> = {
  state: AcknowledgementState;
  /** The newest version: the one to read and acknowledge. */
  current: V;
  /** The newest material version (else the first): acknowledging it, or anything newer, counts. */
  required: V;
  /** The acknowledgement of the highest version number, if any. */
  acknowledged: A | null;
  /** The required version's deadline. */
  deadline: Date | null;
  /** Not acknowledged and strictly past the deadline. */
  overdue: boolean;
};

/**
 * Where one employee stands on one policy. `versions` are every version of the policy (any order,
 * at least one); `acknowledgements` are the employee's acknowledgements of versions of that policy.
 * "acknowledged": they acknowledged the required version or a newer one (editorial versions carry
 * an acknowledgement forward); "changed": only older versions; "outstanding": none at all.
 */
export function computeAcknowledgementState<
  V extends VersionFacts,
  A extends AcknowledgementFacts<V>,
>({
  versions,
  acknowledgements,
  now,
}: {
  versions: readonly V[];
  acknowledgements: readonly A[];
  now: Date;
}): AcknowledgementStateResult<V, A> {
  if (versions.length === 0) throw new Error("computeAcknowledgementState needs a version");
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const current = newestFirst[0];
  // Version 1 is always published as material; the fallback keeps the rule total all the same.
  const required = newestFirst.find((version) => version.material) ?? newestFirst.at(-1)!;

  let acknowledged: A | null = null;
  for (const ack of acknowledgements) {
    if (!acknowledged || ack.version.number > acknowledged.version.number) acknowledged = ack;
  }
  const state: AcknowledgementState = !acknowledged
    ? "outstanding"
    : acknowledged.version.number >= required.number
      ? "acknowledged"
      : "changed";
  const deadline = required.deadline;
  return {
    state,
    current,
    required,
    acknowledged,
    deadline,
    overdue: state !== "acknowledged" && deadline !== null && now.getTime() > deadline.getTime(),
  };
}
