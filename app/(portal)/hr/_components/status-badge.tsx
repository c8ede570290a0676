import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type EmployeeStatus } from "@/lib/hr/employee-list";

const TONES = {
  acknowledged: "success",
  outstanding: "warning",
  overdue: "danger",
  left: "neutral",
  unlinked: "neutral",
} as const;

// The word carries the meaning; the colour only repeats it.
export function StatusBadge({ status }: { status: EmployeeStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
