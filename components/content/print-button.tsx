"use client";

import { Button } from "@/components/ui/button";

export function PrintButton({ label = "Afdrukken" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="no-print">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5 fill-none stroke-current"
        strokeWidth="2"
      >
        <path d="M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2M6 14h12v8H6z" />
      </svg>
      {label}
    </Button>
  );
}
