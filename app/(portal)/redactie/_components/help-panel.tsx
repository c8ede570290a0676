"use client";

import { Button } from "@/components/ui/button";

/** One allowed component, from lib/content/mdx-components.ts (the list validation uses). */
export type HelpItem = { name: string; description: string; example: string };

/** The components editors may use, each with an example and a button that inserts it at the cursor. */
export function HelpPanel({
  items,
  onInsert,
}: {
  items: readonly HelpItem[];
  onInsert: (example: string) => void;
}) {
  return (
    <details
      className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      open
    >
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">
        Toegestane componenten
      </summary>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        Naast gewone Markdown (kopjes met #, lijsten met -, *nadruk*, **vet** en [links](https://…))
        mag de tekst alleen deze componenten bevatten. Attributen zijn letterlijke tekst tussen
        aanhalingstekens.
      </p>
      <ul className="mt-3 space-y-4">
        {items.map((item) => (
          <li key={item.name}>
            <h3 className="font-mono font-semibold">&lt;{item.name}&gt;</h3>
            <p className="text-sm">{item.description}</p>
            <pre className="mt-1 overflow-x-auto rounded bg-stone-100 p-2 text-sm text-stone-900 dark:bg-stone-800 dark:text-stone-100">
              <code>{item.example}</code>
            </pre>
            <Button
              type="button"
              variant="secondary"
              className="mt-2"
              onClick={() => onInsert(item.example)}
            >
              {item.name} invoegen
            </Button>
          </li>
        ))}
      </ul>
    </details>
  );
}
