import { TextLink } from "@/components/ui/link";

/** A minimal page frame for errors, usable outside the portal layout. */
export function PlainPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main
      id="inhoud"
      className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-4 px-4 py-12"
    >
      <p className="text-lg font-bold text-brand-800 dark:text-brand-100">Kempenhaeghe</p>
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="space-y-3 text-stone-700 dark:text-stone-300">{children}</div>
      <p>
        <TextLink href="/richtlijnen">Naar de richtlijnen</TextLink>
      </p>
    </main>
  );
}
