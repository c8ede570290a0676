import type { DepartmentSummary } from "@/lib/hr/employee-list";

const percent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 0 });

// Three segments told apart by pattern as well as colour: solid (bevestigd), diagonal stripes
// (openstaand), cross-hatching (te laat). Each bar's numbers are also written out beside it, and
// the table after the chart carries the same data for screen readers.
const SEGMENTS = [
  {
    key: "acknowledged",
    label: "Bevestigd",
    className: "bg-emerald-700 dark:bg-emerald-400",
    style: undefined,
  },
  {
    key: "outstanding",
    label: "Openstaand",
    className: "bg-amber-200 dark:bg-amber-800",
    style: {
      backgroundImage: "repeating-linear-gradient(45deg, currentColor 0 2px, transparent 2px 7px)",
    },
  },
  {
    key: "overdue",
    label: "Te laat",
    className: "bg-red-200 dark:bg-red-900",
    style: {
      backgroundImage:
        "repeating-linear-gradient(45deg, currentColor 0 2px, transparent 2px 6px), repeating-linear-gradient(-45deg, currentColor 0 2px, transparent 2px 6px)",
    },
  },
] as const;

export function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
      {SEGMENTS.map((segment) => (
        <li key={segment.key} className="flex items-center gap-2">
          <span
            className={`inline-block h-4 w-6 rounded-sm border border-stone-700 text-stone-700 dark:border-stone-200 dark:text-stone-200 ${segment.className}`}
            style={segment.style}
          />
          {segment.label}
        </li>
      ))}
    </ul>
  );
}

export function DepartmentChart({ departments }: { departments: DepartmentSummary[] }) {
  const rows = departments.filter((department) => department.active > 0);
  return (
    <div className="space-y-3" aria-hidden="true">
      <Legend />
      <ul className="space-y-3">
        {rows.map((row) => (
          <li key={row.department ?? ""} className="space-y-1">
            <div className="flex flex-wrap justify-between gap-x-3 text-sm">
              <span className="font-medium">{row.department ?? "Zonder afdeling"}</span>
              <span>
                {row.acknowledged} van {row.active} bevestigd (
                {percent.format(row.acknowledged / row.active)})
                {row.overdue > 0 ? `, ${row.overdue} te laat` : ""}
              </span>
            </div>
            <div className="flex h-5 w-full overflow-hidden rounded-sm border border-stone-500 dark:border-stone-400">
              {SEGMENTS.map((segment) =>
                row[segment.key] > 0 ? (
                  <span
                    key={segment.key}
                    className={`h-full text-stone-800 dark:text-stone-100 ${segment.className}`}
                    style={{ width: `${(100 * row[segment.key]) / row.active}%`, ...segment.style }}
                  />
                ) : null,
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
