import { PlainPage } from "@/components/layout/plain-page";

export default function Forbidden() {
  return (
    <PlainPage title="Geen toegang">
      <p>
        Je hebt geen rechten voor deze pagina. Denk je dat dit niet klopt? Neem contact op met de
        servicedesk.
      </p>
    </PlainPage>
  );
}
