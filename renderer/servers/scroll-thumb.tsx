import { useRef } from 'react';

/** antd's virtual-list scroll bar (its classes and look), over a holder that scrolls natively; the thumb drags. */
export function ScrollThumb(props: {
  view: number;
  total: number;
  scrollTop: number;
  scrollTo: (top: number) => void;
}) {
  const { view, total } = props;
  const size = Math.floor(Math.max((view / total) * view, 20));
  const perPixel = (total - view) / (view - size);
  const drag = useRef<{ y: number; scrollTop: number } | null>(null);
  return (
    <div
      aria-hidden="true"
      className="ant-tree-list-scrollbar ant-tree-list-scrollbar-vertical ant-tree-list-scrollbar-visible"
      style={{ position: 'absolute', width: 8, top: 0, bottom: 0, right: 0 }}
    >
      <div
        className="ant-tree-list-scrollbar-thumb"
        style={{
          position: 'absolute',
          borderRadius: 99,
          background: 'var(--rc-virtual-list-scrollbar-bg, rgba(0, 0, 0, 0.5))',
          cursor: 'pointer',
          userSelect: 'none',
          width: '100%',
          height: size,
          top: Math.min(view - size, props.scrollTop / perPixel),
        }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { y: event.clientY, scrollTop: props.scrollTop };
        }}
        onPointerMove={(event) => {
          if (drag.current) props.scrollTo(drag.current.scrollTop + (event.clientY - drag.current.y) * perPixel);
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
      />
    </div>
  );
}
