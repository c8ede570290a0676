import { PlainPage } from "@/components/layout/plain-page";

export default function NotFound() {
  return (
    <PlainPage title="Pagina niet gevonden">
      <p>Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de richtlijnen.</p>
    </PlainPage>
  );
}
