import { connection } from "next/server";
import { isDevIdentityProvider } from "@/lib/auth/session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: the banner depends on run-time configuration, not on the build.
  await connection();
  return (
    <>
      {isDevIdentityProvider() ? (
        <div
          role="note"
          className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-stone-950"
        >
          Demo-omgeving: je meldt je aan met een demo-account. Gebruik hier geen echte gegevens.
        </div>
      ) : null}
      <main
        id="inhoud"
        className="mx-auto flex min-h-[70vh] w-full max-w-md flex-col justify-center px-4 py-10"
      >
        {children}
      </main>
    </>
  );
}
