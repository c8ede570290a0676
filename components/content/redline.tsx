import type { DiffBlock, PartDiff, TextBlock, WordChange } from "@/lib/content/diff";

const STATUS_LABEL: Record<PartDiff["status"], string> = {
  added: "nieuw onderdeel",
  removed: "onderdeel verwijderd",
  changed: "gewijzigd",
  unchanged: "ongewijzigd",
};

/**
 * Server Component: what changed between two versions, per part. Added text is underlined (<ins>),
 * removed text struck through (<del>); screen readers hear "toegevoegd:" and "verwijderd:".
 * Styles: .redline-* in components/mdx/mdx.css.
 */
export function Redline({ diffs }: { diffs: PartDiff[] }) {
  if (!diffs.some((part) => part.status !== "unchanged")) {
    return <p className="redline">De tekst van de richtlijnen is niet veranderd.</p>;
  }
  return (
    <div className="redline">
      {diffs.map((part) => (
        <section
          key={part.slug}
          className="redline-part"
          aria-labelledby={`wijziging-${part.slug}`}
        >
          <h2 id={`wijziging-${part.slug}`} className="redline-part-title">
            {part.title}
            <span className="redline-badge">{STATUS_LABEL[part.status]}</span>
          </h2>
          {part.titleChange ? (
            <p className="redline-block">
              Titel: <Removed>{part.titleChange.from}</Removed> <Added>{part.titleChange.to}</Added>
            </p>
          ) : null}
          {part.status === "unchanged" ? (
            <p className="redline-block">Geen wijzigingen in dit onderdeel.</p>
          ) : (
            <div className="redline-blocks">
              {part.blocks.map((block, index) => (
                <Block key={index} block={block} />
              ))}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}

function Block({ block }: { block: DiffBlock }) {
  switch (block.type) {
    case "same":
      return <Line block={block.block}>{block.block.text}</Line>;
    case "added":
      return (
        <Line block={block.block}>
          <Added>{block.block.text}</Added>
        </Line>
      );
    case "removed":
      return (
        <Line block={block.block}>
          <Removed>{block.block.text}</Removed>
        </Line>
      );
    case "changed":
      return (
        <Line block={block.to}>
          <Words words={block.words} />
        </Line>
      );
    case "folded":
      return (
        <details className="redline-folded">
          <summary>
            {block.blocks.length} ongewijzigde {block.blocks.length === 1 ? "regel" : "regels"}
          </summary>
          <div className="redline-blocks">
            {block.blocks.map((folded, index) => (
              <Line key={index} block={folded}>
                {folded.text}
              </Line>
            ))}
          </div>
        </details>
      );
  }
}

function Line({ block, children }: { block: TextBlock; children: React.ReactNode }) {
  const kind =
    block.kind === "bullet" ? "redline-bullet" : block.kind === "heading" ? "redline-heading" : "";
  return (
    <p
      className={`redline-block ${kind}`}
      style={block.level > 0 ? { marginInlineStart: `${block.level * 1.5}rem` } : undefined}
    >
      <span>{children}</span>
    </p>
  );
}

function Words({ words }: { words: WordChange[] }) {
  return (
    <>
      {words.map((word, index) =>
        word.type === "added" ? (
          <Added key={index}>{word.text}</Added>
        ) : word.type === "removed" ? (
          <Removed key={index}>{word.text}</Removed>
        ) : (
          <span key={index}>{word.text}</span>
        ),
      )}
    </>
  );
}

function Added({ children }: { children: React.ReactNode }) {
  return (
    <ins className="redline-ins">
      <span className="visually-hidden">toegevoegd: </span>
      {children}
    </ins>
  );
}

function Removed({ children }: { children: React.ReactNode }) {
  return (
    <del className="redline-del">
      <span className="visually-hidden">verwijderd: </span>
      {children}
    </del>
  );
}
