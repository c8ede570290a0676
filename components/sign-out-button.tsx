import { buttonClasses } from "@/components/ui/button";

/** Signs out with a plain form post (works without JavaScript) and lands on /aanmelden. */
export function SignOutButton() {
  return (
    <form method="post" action="/afmelden">
      <button type="submit" className={buttonClasses("secondary", "min-h-11 px-3 py-1.5 text-sm")}>
        Afmelden
      </button>
    </form>
  );
}
