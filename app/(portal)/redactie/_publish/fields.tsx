// Plain form controls for the editor's forms, one look for all of them.
const control =
  "block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100";

export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: (props: {
    id: string;
    "aria-describedby"?: string;
    className: string;
  }) => React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-700 dark:text-stone-300">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-describedby": hint ? `${id}-hint` : undefined, className: control })}
    </div>
  );
}

export function Checkbox({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: React.ReactNode;
  defaultChecked?: boolean;
}) {
  return (
    <label className="flex min-h-11 items-start gap-3">
      <input
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        className="mt-1 size-5 shrink-0"
      />
      <span>{label}</span>
    </label>
  );
}
