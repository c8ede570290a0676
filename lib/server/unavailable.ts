// The page served while the database is slow or unreachable: a complete HTML document, built
// without React and without the database, so it cannot fail for the same reason. No scripts; it
// asks the browser to try again itself (Retry-After, and a meta refresh for people).

export const RETRY_AFTER_SECONDS = 30;

const HTML = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Tijdelijk niet beschikbaar | Kempenhaeghe</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#1c1917;background:#fafaf9;line-height:1.5}
main{max-width:36rem;margin:0 auto;padding:3rem 1.25rem}
h1{font-size:1.5rem;margin:0 0 1rem}
@media (prefers-color-scheme:dark){body{color:#f5f5f4;background:#1c1917}}
</style>
</head>
<body>
<main>
<h1>Het portaal is tijdelijk niet beschikbaar</h1>
<p>Door een storing kan het portaal je gegevens nu niet ophalen. Er is niets verloren gegaan.</p>
<p>Deze pagina probeert het over ${RETRY_AFTER_SECONDS} seconden vanzelf opnieuw. Lukt het dan nog niet, probeer het later nog eens.</p>
</main>
</body>
</html>
`;

export function unavailableResponse(): Response {
  return new Response(HTML, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_SECONDS),
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
