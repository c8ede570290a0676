// HTML of the development IdP: plain strings, every dynamic value escaped, no scripts.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
:root { color-scheme: light dark; --brand: #16656f; --focus: #1f7f8c; --bg: #f5f5f4; --card: #fff; --text: #1c1917; --muted: #57534e; --border: #d6d3d1; }
@media (prefers-color-scheme: dark) { :root { --bg: #0c0a09; --card: #1c1917; --text: #f5f5f4; --muted: #d6d3d1; --border: #44403c; --focus: #a9d7de; --brand: #a9d7de; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
.demo { background: #fcd34d; color: #0c0a09; padding: .5rem 1rem; text-align: center; font-weight: 600; font-size: .9rem; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: .5rem; padding: 1.25rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
.org { color: var(--brand); font-weight: 700; margin: 0; }
.muted { color: var(--muted); }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { display: block; width: 100%; margin-top: .25rem; padding: .6rem .7rem; font: inherit; color: inherit; background: transparent; border: 1px solid var(--muted); border-radius: .375rem; }
button { margin-top: 1.25rem; min-height: 2.75rem; padding: .5rem 1.25rem; font: inherit; font-weight: 600; border-radius: .375rem; cursor: pointer; border: 1px solid var(--brand); }
.primary { background: #16656f; color: #fff; border-color: #16656f; }
.secondary { background: transparent; color: var(--text); border-color: var(--border); }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.alert { border: 1px solid #b91c1c; background: #fef2f2; color: #7f1d1d; padding: .75rem 1rem; border-radius: .375rem; margin-top: 1rem; }
@media (prefers-color-scheme: dark) { .alert { background: #450a0a; color: #fee2e2; border-color: #f87171; } }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .5rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
/* Narrow screens: one block per account instead of four squeezed columns. */
@media (max-width: 32rem) {
  table, caption, tbody, tr, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  tr { border-bottom: 1px solid var(--border); padding: .5rem 0; }
  td { border: 0; padding: .1rem 0; }
  td::before { content: attr(data-label) ": "; color: var(--muted); }
}
code { font-family: ui-monospace, "Cascadia Mono", Menlo, monospace; font-size: .95em; }
a { color: var(--brand); }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} | Demo-aanmelding Kempenhaeghe</title>
<style>${STYLE}</style>
</head>
<body>
<div class="demo" role="note">Demo-omgeving: dit is de ontwikkel-aanmelding met demo-accounts, niet de echte Kempenhaeghe-aanmelding.</div>
<main>
${body}
</main>
</body>
</html>`;
}

export type LoginPageInput = {
  uid: string;
  clientName: string;
  login?: string;
  error?: string;
};

export function loginPage({ uid, clientName, login = "", error }: LoginPageInput): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const rows = DEMO_ACCOUNTS.map(
    (account) =>
      // Explicit roles: the narrow-screen layout changes `display`, which can drop table semantics.
      `<tr role="row"><td role="cell" data-label="Gebruikersnaam"><code>${escapeHtml(account.login)}</code></td><td role="cell" data-label="Naam">${escapeHtml(account.name)}</td><td role="cell" data-label="Afdeling">${escapeHtml(account.department)}</td><td role="cell" data-label="Rol">${escapeHtml(account.roleLabel)}</td></tr>`,
  ).join("\n");
  return layout(
    "Aanmelden",
    `<div class="card">
<p class="org">Kempenhaeghe</p>
<h1>Aanmelden</h1>
<p class="muted">Je meldt je aan bij <strong>${escapeHtml(clientName)}</strong>.</p>
${error ? `<div class="alert" role="alert">${escapeHtml(error)}</div>` : ""}
<form method="post" action="${escapeHtml(action)}/login">
<label for="login">Gebruikersnaam</label>
<input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(login)}"${login ? "" : " autofocus"}>
<label for="password">Wachtwoord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${login ? " autofocus" : ""}>
<div class="actions">
<button class="primary" type="submit">Aanmelden</button>
</div>
</form>
<form method="post" action="${escapeHtml(action)}/abort">
<button class="secondary" type="submit">Annuleren</button>
</form>
</div>
<h2 id="demo-accounts">Demo-accounts</h2>
<p>Alle demo-accounts hebben het wachtwoord <code>${escapeHtml(DEMO_PASSWORD)}</code>.</p>
<div class="table-wrap">
<table role="table">
<caption>Gebruikersnaam, naam, afdeling en rol van elk demo-account</caption>
<thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Gebruikersnaam</th><th role="columnheader" scope="col">Naam</th><th role="columnheader" scope="col">Afdeling</th><th role="columnheader" scope="col">Rol</th></tr></thead>
<tbody role="rowgroup">
${rows}
</tbody>
</table>
</div>`,
  );
}

export function errorPage({
  title,
  message,
  portalUrl,
}: {
  title: string;
  message: string;
  portalUrl?: string;
}): string {
  return layout(
    title,
    `<div class="card">
<p class="org">Kempenhaeghe</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${portalUrl ? `<p><a href="${escapeHtml(portalUrl)}">Terug naar het portaal</a></p>` : ""}
</div>`,
  );
}
