import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { theme } from 'antd';
import { basicSetup, EditorView } from 'codemirror';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { useSystemDarkMode } from '../theme';

/** What the query tool asks of the editor: select a range (the position of an error) and focus it. */
export interface SqlEditorHandle {
  select(from: number, to: number): void;
}

/** SQL colours readable on both the light and the dark theme. */
function sqlHighlighting(dark: boolean) {
  const colours = dark
    ? { keyword: '#c792ea', string: '#c3e88d', number: '#f78c6c', comment: '#8b949e', type: '#82aaff' }
    : { keyword: '#7a1fa2', string: '#a31515', number: '#116644', comment: '#6a737d', type: '#0b57a3' };
  return syntaxHighlighting(
    HighlightStyle.define([
      { tag: [tags.keyword, tags.operatorKeyword], color: colours.keyword, fontWeight: 'bold' },
      { tag: [tags.string, tags.special(tags.string)], color: colours.string },
      { tag: [tags.number, tags.bool, tags.null], color: colours.number },
      { tag: [tags.lineComment, tags.blockComment], color: colours.comment, fontStyle: 'italic' },
      { tag: [tags.typeName, tags.standard(tags.name)], color: colours.type },
    ]),
  );
}

/**
 * The query tool's SQL editor (CodeMirror 6, PostgreSQL dialect): highlighting, line numbers, brackets, undo, search.
 * Ctrl/Cmd+Enter and F5 call `onRun`; Escape stays in the editor; the colours follow the app's light or dark theme.
 */
export function SqlEditor(props: {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  label: string;
  ref?: Ref<SqlEditorHandle>;
}) {
  const { token } = theme.useToken();
  const dark = useSystemDarkMode();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const look = useRef(new Compartment());

  useImperativeHandle(props.ref, () => ({
    select(from, to) {
      view.current?.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      view.current?.focus();
    },
  }));

  useEffect(() => {
    const run = () => {
      latest.current.onRun();
      return true;
    };
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run },
              { key: 'F5', run },
            ]),
          ),
          basicSetup,
          sql({ dialect: PostgreSQL }),
          look.current.of([]),
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    // Escape closes the completion list here; it must not reach the drawer and close the tool with the SQL.
    const keepEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') event.stopPropagation();
    };
    const element = host.current!;
    element.addEventListener('keydown', keepEscape);
    return () => {
      element.removeEventListener('keydown', keepEscape);
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: look.current.reconfigure([
        sqlHighlighting(dark),
        EditorView.theme(
          {
            '&': { background: token.colorBgContainer, color: token.colorText, fontSize: '13px', maxHeight: '360px' },
            '.cm-content, .cm-gutter': { minHeight: '140px' },
            '&.cm-focused': { outline: `2px solid ${token.colorPrimaryBorder}` },
            '.cm-content': { caretColor: token.colorText },
            '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
            '.cm-gutters': { background: token.colorFillQuaternary, color: token.colorTextTertiary, border: 'none' },
            '.cm-activeLine, .cm-activeLineGutter': { background: token.colorFillQuaternary },
            // The completion icons are emoji that many Linux desktops cannot draw.
            '.cm-completionIcon': { display: 'none' },
          },
          { dark },
        ),
      ]),
    });
  }, [dark, token]);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== props.value)
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: props.value } });
  }, [props.value]);

  return (
    <div
      ref={host}
      style={{
        border: `1px solid ${token.colorBorder}`,
        borderRadius: token.borderRadius,
        overflow: 'hidden',
      }}
    />
  );
}
