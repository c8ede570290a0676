import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Richtlijnen sociale media | Kempenhaeghe", template: "%s | Kempenhaeghe" },
  description: "De richtlijnen voor het gebruik van sociale media bij Kempenhaeghe.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nl">
      <body>{children}</body>
    </html>
  );
}
