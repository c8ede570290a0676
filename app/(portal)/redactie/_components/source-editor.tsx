"use client";

import { markdown } from "@codemirror/lang-markdown";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";

export type SourceEditorHandle = { insert: (text: string) => void; focus: () => void };

export type BodyProblem = { message: string; line: number; column: number };

type Props = {
  value: string;
  onChange: (value: string) => void;
  problems: readonly BodyProblem[];
  /** Accessible name and description of the text area. */
  label: string;
  describedBy?: string;
};

/** Line and column (1-based, as validate() reports them) to a document position, clamped to the text. */
function position(state: EditorState, line: number, column: number): number {
  const safeLine = Math.min(Math.max(1, line), state.doc.lines);
  const at = state.doc.line(safeLine);
  return Math.min(at.from + Math.max(0, column - 1), at.to);
}

function diagnostics(state: EditorState, problems: readonly BodyProblem[]): Diagnostic[] {
  return problems.map((problem) => {
    const from = position(state, problem.line, problem.column);
    const lineEnd = state.doc.lineAt(from).to;
    return {
      from,
      to: Math.max(from, Math.min(lineEnd, from + 1)),
      severity: "error",
      message: `Regel ${problem.line}, kolom ${problem.column}: ${problem.message}`,
    };
  });
}

/**
 * CodeMirror 6 with Markdown highlighting and line numbers; validation messages appear as lint
 * markers. Tab is left to the browser (no indentWithTab), so keyboard users can leave the editor.
 */
export const SourceEditor = forwardRef<SourceEditorHandle, Props>(function SourceEditor(
  { value, onChange, problems, label, describedBy },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          markdown(),
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            "aria-label": label,
            ...(describedBy ? { "aria-describedby": describedBy } : {}),
            lang: "nl",
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The view is made once per mount; later values arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A text from outside (the server's text after a conflict, a discard) replaces the document.
  useEffect(() => {
    const current = view.current;
    if (!current || current.state.doc.toString() === value) return;
    current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    current.dispatch(setDiagnostics(current.state, diagnostics(current.state, problems)));
  }, [problems]);

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const current = view.current;
      if (!current) return;
      const { from, to } = current.state.selection.main;
      // Components are blocks: give them blank lines around, as validation asks.
      const line = current.state.doc.lineAt(from);
      const before = line.text.trim() === "" ? "" : "\n\n";
      const insert = `${before}${text}\n\n`;
      current.dispatch({
        changes: { from, to, insert },
        selection: { anchor: from + insert.length },
        scrollIntoView: true,
      });
      current.focus();
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div ref={host} className="source-editor" />;
});
