/**
 * Hostile MDX: every way we know in which text could become code or markup through MDX, its
 * toolchain (micromark, acorn, gray-matter, YAML, esbuild) or the browser. Each must be rejected
 * at the given 1-based line and column with a Dutch message matching `message`.
 */
export type HostileCase = { name: string; source: string; line: number; column: number; message: RegExp };

/** Valid front matter; the body starts on line 9. */
export const FRONTMATTER = "---\ntitle: Test\nslug: test\norder: 1\nsummary: Een test.\nkind: part\n---\n\n";
const body = (text: string) => FRONTMATTER + text + "\n";
const frontmatter = (yaml: string) => `---\n${yaml}\n---\n\nTekst.\n`;

export const HOSTILE: HostileCase[] = [
  // ESM: imports run on the server at compile time and pull in any module.
  { name: "import", source: body('import fs from "node:fs"'), line: 9, column: 1, message: /import en export/ },
  { name: "export const", source: body("export const secret = process.env.AUTH_SECRET"), line: 9, column: 1, message: /import en export/ },
  { name: "export default", source: body("export default function Layout() { return null }"), line: 9, column: 1, message: /import en export/ },
  { name: "dynamic import in export", source: body('export const x = await import("child_process")'), line: 9, column: 1, message: /import en export/ },

  // Expressions: arbitrary JavaScript in the compiled component.
  { name: "flow expression", source: body("{process.exit(1)}"), line: 9, column: 1, message: /Expressies tussen accolades/ },
  { name: "text expression", source: body("Hallo {globalThis.x = 1} wereld"), line: 9, column: 7, message: /Expressies tussen accolades/ },
  { name: "comment expression", source: body("{/* verborgen */}"), line: 9, column: 1, message: /Expressies tussen accolades/ },
  { name: "expression in heading", source: body("## Kop {x}"), line: 9, column: 8, message: /Expressies tussen accolades/ },
  { name: "expression in link text", source: body("[{x}](https://example.org)"), line: 9, column: 2, message: /Expressies tussen accolades/ },
  { name: "unclosed expression", source: body("Tekst {"), line: 9, column: 8, message: /accolade/ },
  { name: "expression inside component", source: body('<Callout type="tip">{fetch("https://evil.example")}</Callout>'), line: 9, column: 21, message: /Expressies/ },

  // JSX beyond the registry.
  { name: "attribute expression", source: body('<Callout type={"info"}>x</Callout>'), line: 9, column: 10, message: /letterlijke tekst/ },
  { name: "attribute expression with call", source: body('<Callout type="info" title={fetch("x")}>x</Callout>'), line: 9, column: 22, message: /letterlijke tekst/ },
  { name: "spread attribute", source: body('<Callout {...props} type="info">x</Callout>'), line: 9, column: 10, message: /Spread-attributen/ },
  { name: "fragment", source: body("<>x</>"), line: 9, column: 1, message: /Fragmenten/ },
  { name: "member name", source: body("<Callout.Danger />"), line: 9, column: 1, message: /Samengestelde namen/ },
  { name: "namespace name", source: body("<svg:script />"), line: 9, column: 1, message: /Samengestelde namen/ },
  { name: "script element", source: body("<script>alert(1)</script>"), line: 9, column: 1, message: /HTML-element <script>/ },
  { name: "inline script element", source: body("Tekst <script>alert(1)</script> tekst"), line: 9, column: 7, message: /HTML-element <script>/ },
  { name: "img onerror", source: body('<img src="x" onerror="alert(1)" />'), line: 9, column: 1, message: /HTML-element <img>/ },
  { name: "iframe", source: body('<iframe src="https://evil.example" />'), line: 9, column: 1, message: /HTML-element <iframe>/ },
  { name: "style element", source: body('<style>{"body{display:none}"}</style>'), line: 9, column: 1, message: /HTML-element <style>/ },
  { name: "anchor element with javascript:", source: body('<a href="javascript:alert(1)">klik</a>'), line: 9, column: 1, message: /HTML-element <a>/ },
  { name: "object element", source: body('<object data="https://evil.example/x.swf" />'), line: 9, column: 1, message: /HTML-element <object>/ },
  { name: "unknown component", source: body("<Danger />"), line: 9, column: 1, message: /Onbekende component <Danger>/ },
  { name: "prototype name", source: body("<__proto__ />"), line: 9, column: 1, message: /niet toegestaan/ },
  { name: "Object prototype lookalike", source: body("<Constructor />"), line: 9, column: 1, message: /Onbekende component/ },
  { name: "event handler attribute", source: body('<Callout type="info" onClick="alert(1)">x</Callout>'), line: 9, column: 22, message: /Onbekend attribuut "onClick"/ },
  { name: "dangerouslySetInnerHTML", source: body('<Callout type="info" dangerouslySetInnerHTML="x">x</Callout>'), line: 9, column: 22, message: /Onbekend attribuut "dangerouslySetInnerHTML"/ },
  { name: "style attribute", source: body('<Callout type="info" style="position:fixed">x</Callout>'), line: 9, column: 22, message: /Onbekend attribuut "style"/ },
  { name: "namespaced attribute", source: body('<Callout type="info" xlink:href="javascript:alert(1)">x</Callout>'), line: 9, column: 22, message: /Onbekend attribuut "xlink:href"/ },
  { name: "attribute without value", source: body("<Callout type>x</Callout>"), line: 9, column: 10, message: /geen waarde/ },
  { name: "duplicate attribute", source: body('<Callout type="info" type="tip">x</Callout>'), line: 9, column: 22, message: /twee keer/ },
  { name: "value outside enum", source: body('<Callout type="danger">x</Callout>'), line: 9, column: 10, message: /Kies uit/ },
  { name: "department outside enum", source: body('<ContactDepartment department="Directie" />'), line: 9, column: 20, message: /Kies uit/ },
  { name: "missing required attribute", source: body("<ContactDepartment />"), line: 9, column: 1, message: /ontbreekt/ },
  { name: "children in a childless component", source: body('<ContactDepartment department="Communicatie">\n\nx\n\n</ContactDepartment>'), line: 9, column: 1, message: /geen inhoud/ },
  { name: "block component inside a sentence", source: body('Lees dit: <ContactDepartment department="Communicatie" /> nu.'), line: 9, column: 11, message: /eigen regel/ },
  { name: "HTML inside a component", source: body('<Callout type="info">\n<script>alert(1)</script>\n</Callout>'), line: 10, column: 1, message: /HTML-element <script>/ },
  { name: "HTML in link text", source: body('[<img src="x" />](https://example.org)'), line: 9, column: 2, message: /HTML-element <img>/ },
  { name: "mismatched closing tag", source: body('<Callout type="info">x</ContactDepartment>'), line: 9, column: 23, message: /sluittag/ },
  { name: "unclosed tag", source: body('<Callout type="info"'), line: 10, column: 1, message: /houdt op midden in een tag/ },
  { name: "HTML comment", source: body("<!-- verborgen -->"), line: 9, column: 2, message: /Ongeldige tag/ },
  { name: "autolink", source: body("<https://evil.example>"), line: 9, column: 8, message: /Ongeldige tag/ },

  // Link targets.
  { name: "javascript: link", source: body("[klik](javascript:alert(1))"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "JavaScript: in capitals", source: body("[klik](JaVaScRiPt:alert(1))"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "numeric character reference in scheme", source: body("[klik](java&#115;cript:alert(1))"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "hex character references", source: body("[klik](&#x6A;&#x61;vascript:alert(1))"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "named reference for the colon", source: body("[klik](javascript&colon;alert(1))"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "double-encoded reference", source: body("[klik](&amp;#106;avascript:alert(1))"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "tab inside the scheme", source: body("[klik](<java\tscript:alert(1)>)"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "leading space and control", source: body("[klik](< javascript:alert(1)>)"), line: 9, column: 1, message: /"javascript:"/ },
  { name: "data: URL", source: body("[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"), line: 9, column: 1, message: /"data:"/ },
  { name: "vbscript: URL", source: body("[klik](vbscript:msgbox(1))"), line: 9, column: 1, message: /"vbscript:"/ },
  { name: "file: URL", source: body("[klik](file:///etc/passwd)"), line: 9, column: 1, message: /"file:"/ },
  { name: "protocol-relative URL", source: body("[klik](//evil.example/login)"), line: 9, column: 1, message: /\/\// },
  { name: "backslash host", source: body("[klik](/\\\\evil.example)"), line: 9, column: 1, message: /\/\// },
  { name: "bare relative URL", source: body("[klik](evil.example)"), line: 9, column: 1, message: /volledig linkadres/ },
  { name: "empty URL", source: body("[klik]()"), line: 9, column: 1, message: /geen adres/ },
  { name: "definition with javascript:", source: body("[klik]\n\n[klik]: javascript:alert(1)"), line: 11, column: 1, message: /"javascript:"/ },
  { name: "unused definition with data:", source: body("[x]: data:text/html,<script>alert(1)</script>"), line: 9, column: 1, message: /"data:"/ },

  // Images: tracking pixels and script URLs.
  { name: "image", source: body("![pixel](https://tracker.example/p.gif)"), line: 9, column: 1, message: /Afbeeldingen/ },
  { name: "image with javascript: src", source: body("![x](javascript:alert(1))"), line: 9, column: 1, message: /Afbeeldingen/ },
  { name: "image reference", source: body("![pixel][p]\n\n[p]: https://tracker.example/p.gif"), line: 9, column: 1, message: /Afbeeldingen/ },
  { name: "image inside a link", source: body("[![x](https://tracker.example/p.gif)](https://example.org)"), line: 9, column: 2, message: /Afbeeldingen/ },

  // Headings.
  { name: "level 1 heading", source: body("# Eigen titel"), line: 9, column: 1, message: /één #/ },
  { name: "setext level 1 heading", source: body("Eigen titel\n==========="), line: 9, column: 1, message: /één #/ },
  { name: "level 5 heading", source: body("##### Diep"), line: 9, column: 1, message: /niveau 2 tot en met 4/ },
  { name: "code block meta", source: body('```js title="x"\nalert(1)\n```'), line: 9, column: 1, message: /codeblok/ },

  // Front matter: gray-matter evaluates JavaScript front matter; YAML has its own tricks.
  { name: "---js front matter", source: "---js\nglobalThis.__pwned = 1\n---\n\nTekst.\n", line: 1, column: 4, message: /---js/ },
  { name: "---javascript front matter", source: "---javascript\n({ title: require('child_process').execSync('id').toString() })\n---\n", line: 1, column: 4, message: /---js/ },
  { name: "--- js with a space", source: "--- js\nglobalThis.__pwned = 1\n---\n", line: 1, column: 4, message: /---js/ },
  { name: "---coffee front matter", source: "---coffee\ntitle: 'x'\n---\n", line: 1, column: 4, message: /---js/ },
  { name: "BOM before ---js", source: "\ufeff---js\nglobalThis.__pwned = 1\n---\n", line: 1, column: 1, message: /U\+FEFF/ },
  { name: "lone CR hides a language", source: "---\rjs\nglobalThis.__pwned = 1\n---\n", line: 1, column: 4, message: /U\+000D/ },
  { name: "no front matter", source: "Alleen tekst.\n", line: 1, column: 1, message: /moet beginnen met frontmatter/ },
  { name: "front matter not closed", source: "---\ntitle: Test\n\nTekst.\n", line: 1, column: 1, message: /niet afgesloten/ },
  { name: "YAML anchor and alias", source: frontmatter("title: &t Test\nslug: test\norder: 1\nsummary: *t\nkind: part"), line: 2, column: 8, message: /Ankers/ },
  {
    name: "billion laughs",
    source: frontmatter('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: *c'),
    line: 2,
    column: 4,
    message: /Ankers/,
  },
  { name: "YAML js/function tag", source: frontmatter('title: !!js/function "function () { return process }"\nslug: test\norder: 1\nsummary: S.\nkind: part'), line: 2, column: 8, message: /YAML-tags/ },
  { name: "YAML local tag", source: frontmatter("title: !eval x\nslug: test\norder: 1\nsummary: S.\nkind: part"), line: 2, column: 8, message: /YAML-tags/ },
  { name: "YAML directive", source: "---\n%TAG !e! tag:evil.example,2000:\ntitle: x\n---\n", line: 1, column: 1, message: /directieven/ },
  { name: "__proto__ key", source: frontmatter("__proto__: {title: x}\ntitle: Test\nslug: test\norder: 1\nsummary: S.\nkind: part"), line: 2, column: 1, message: /Onbekend veld "__proto__"/ },
  { name: "complex key", source: frontmatter("? [title]\n: x\nslug: test"), line: 2, column: 3, message: /Onbekend veld in/ },
  { name: "merge key", source: frontmatter("<<: {title: x}\nslug: test\norder: 1\nsummary: S.\nkind: part"), line: 2, column: 1, message: /Onbekend veld "<<"/ },
  { name: "unknown key", source: frontmatter("title: Test\nslug: test\norder: 1\nsummary: S.\nkind: part\nlayout: evil"), line: 7, column: 1, message: /Onbekend veld "layout"/ },
  { name: "duplicate key", source: frontmatter("title: Test\ntitle: Ander\nslug: test\norder: 1\nsummary: S.\nkind: part"), line: 3, column: 1, message: /twee keer/ },
  { name: "order as text", source: frontmatter('title: Test\nslug: test\norder: "1"\nsummary: S.\nkind: part'), line: 4, column: 1, message: /"order"/ },
  { name: "slug with a path", source: frontmatter("title: Test\nslug: ../../etc\norder: 1\nsummary: S.\nkind: part"), line: 3, column: 1, message: /"slug"/ },
  { name: "missing field", source: frontmatter("title: Test\nslug: test\norder: 1\nkind: part"), line: 1, column: 1, message: /"summary" ontbreekt/ },
  { name: "front matter as a list", source: frontmatter("- title\n- slug"), line: 1, column: 1, message: /moet uit velden bestaan/ },

  // Characters.
  { name: "Trojan Source override", source: body("Dit is \u202egeen\u202c tekst."), line: 9, column: 8, message: /U\+202E/ },
  { name: "Trojan Source isolate", source: body("Tekst \u2066verborgen\u2069."), line: 9, column: 7, message: /U\+2066/ },
  { name: "zero-width space", source: body("Kempen\u200bhaeghe"), line: 9, column: 7, message: /U\+200B/ },
  { name: "NUL", source: body("Tekst\u0000."), line: 9, column: 6, message: /U\+0000/ },
  { name: "escape character", source: body("Tekst\u001b[31m."), line: 9, column: 6, message: /U\+001B/ },
  { name: "line separator", source: body("Tekst\u2028meer."), line: 9, column: 6, message: /U\+2028/ },
  { name: "tag characters", source: body("Tekst\u{E0041}\u{E0042}."), line: 9, column: 6, message: /U\+E0041/ },
  { name: "lone surrogate", source: body("Tekst\ud800."), line: 9, column: 6, message: /surrogaat/ },

  // Limits.
  { name: "too large", source: body("a".repeat(110 * 1024)), line: 1, column: 1, message: /te groot/ },
  { name: "too many emphasis markers in one paragraph", source: body("*a".repeat(200)), line: 9, column: 1, message: /te veel opmaaktekens/ },
  { name: "one enormous paragraph", source: body("woord ".repeat(2000)), line: 9, column: 1, message: /te lang/ },
  { name: "oversized front matter", source: frontmatter(`title: Test\nslug: test\norder: 1\nsummary: ${"S".repeat(2100)}\nkind: part`), line: 1, column: 1, message: /frontmatter is te lang/ },
  { name: "too deeply nested quotes", source: body(">".repeat(40) + " diep"), line: 9, column: 1, message: /te diep/ },
  { name: "too deeply nested lists on one line", source: body("- ".repeat(30) + "diep"), line: 9, column: 1, message: /te diep/ },
  { name: "too deeply nested lists", source: body(Array.from({ length: 20 }, (_, i) => `${"  ".repeat(i)}- niveau ${i}`).join("\n")), line: 16, column: 17, message: /te diep/ },
];
