import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Richtlijnen sociale media | Kempenhaeghe", template: "%s | Kempenhaeghe" },
  description: "De richtlijnen voor het gebruik van sociale media bij Kempenhaeghe.",
  robots: { index: false, follow: false },
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/favicon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the 404 page included: the proxy's CSP nonce is new for each
  // response, and Next can only put it on the scripts of a page it renders then.
  await connection();
  return (
    <html lang="nl">
      <body>{children}</body>
    </html>
  );
}
