import { buttonClasses } from "@/components/ui/button";
import { SIGN_OUT_PATH } from "@/lib/auth/paths";

/** Signs out with a plain form post (works without JavaScript) and lands on the sign-in page. */
export function SignOutButton() {
  return (
    <form method="post" action={SIGN_OUT_PATH}>
      <button type="submit" className={buttonClasses("secondary", "min-h-11 px-3 py-1.5 text-sm")}>
        Afmelden
      </button>
    </form>
  );
}
