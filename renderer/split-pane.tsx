import { type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode, useRef, useState } from 'react';

/** How far one arrow key press moves the bar (px); with Shift, five times as far. */
const keyStepPx = 10;

/** What the split pane shows and how the first pane may be sized. */
export interface SplitPaneProps {
  /** The first (left) pane's width at start, in px. */
  defaultSize: number;
  /** The first pane's smallest width, in px. */
  minSize: number;
  /** The first pane's largest width, as a share of the whole (0–1). */
  maxShare: number;
  /** The bar's accessible name. */
  label: string;
  first: ReactNode;
  second: ReactNode;
  style?: CSSProperties;
  firstStyle?: CSSProperties;
  secondStyle?: CSSProperties;
}

/**
 * Two panes side by side, the first resized by the bar between them: dragged with the pointer, or focused and moved
 * with the arrow keys (Home and End for the smallest and largest width). It draws antd's Splitter classes, whose rules
 * are in the first screen's stylesheet, without Splitter's measuring of itself and second render at start: the browser
 * keeps the first pane within its bounds (CSS min-width and max-width) when the window changes size.
 */
export function SplitPane({
  defaultSize,
  minSize,
  maxShare,
  label,
  first,
  second,
  style,
  firstStyle,
  secondStyle,
}: SplitPaneProps) {
  const [size, setSize] = useState(defaultSize);
  const [drag, setDrag] = useState<{ pointer: number; x: number; size: number } | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const widest = () => (container.current?.clientWidth ?? window.innerWidth) * maxShare;
  const bounded = (width: number) => Math.round(Math.max(minSize, Math.min(widest(), width)));
  // What the first pane shows now: its width as asked, kept within the bounds the window allows.
  const shown = bounded(size);

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ pointer: event.pointerId, x: event.clientX, size: shown });
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (drag?.pointer === event.pointerId) setSize(bounded(drag.size + event.clientX - drag.x));
  }
  function onPointerEnd(event: PointerEvent<HTMLDivElement>) {
    if (drag?.pointer === event.pointerId) setDrag(null);
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? keyStepPx * 5 : keyStepPx;
    const next: Record<string, number> = {
      ArrowLeft: shown - step,
      ArrowRight: shown + step,
      Home: minSize,
      End: widest(),
    };
    if (next[event.key] === undefined) return;
    event.preventDefault();
    setSize(bounded(next[event.key]!));
  }

  return (
    <div
      ref={container}
      className="ant-splitter ant-splitter-horizontal ant-splitter-css-var rdspg-split-pane"
      style={style}
    >
      <div
        className="ant-splitter-panel"
        style={{ ...firstStyle, flex: `0 0 ${shown}px`, minWidth: minSize, maxWidth: `${maxShare * 100}%` }}
      >
        {first}
      </div>
      <div className="ant-splitter-bar">
        {/* biome-ignore lint/a11y/useSemanticElements: a focusable separator that resizes panes is a role="separator" widget (WAI-ARIA), not an <hr> */}
        <div
          className={`ant-splitter-bar-dragger${drag ? ' ant-splitter-bar-dragger-active' : ''}`}
          role="separator"
          tabIndex={0}
          aria-label={label}
          aria-orientation="vertical"
          aria-valuenow={shown}
          aria-valuemin={minSize}
          aria-valuemax={Math.round(widest())}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="ant-splitter-panel" style={{ ...secondStyle, flex: '1 1 0', minWidth: 0 }}>
        {second}
      </div>
    </div>
  );
}
