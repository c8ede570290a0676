import type { Metadata } from "next";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/layout/not-found-content";

// Inside the portal layout, which already shows the organisation's name and the menu.
export const metadata: Metadata = { title: NOT_FOUND_TITLE };

export default function PortalNotFound() {
  return <NotFoundContent />;
}
