import { type KeyboardEvent, type MouseEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ScrollThumb } from './scroll-thumb';

/** One row of the tree, in display order: a node at its level, with its children (if any) shown below it. */
export interface TreeRow {
  key: string;
  /** 0 for a top-level node, one more per level down. */
  level: number;
  title: () => ReactNode;
  /** The row's hover text, for plain-text titles. */
  label?: string;
  /** Whether the node has children (always shown: the tree does not collapse). */
  parent: boolean;
  selectable: boolean;
}

/** Row height of antd's Tree: the title height (24 px) and half of paddingXS below it. */
const treeRowHeight = 28;
const overscan = 10;
const caretDown =
  'M840.4 300H183.6c-19.7 0-30.7 20.8-18.5 35l328.4 380.8c9.4 10.9 27.5 10.9 37 0L858.9 335c12.2-14.2 1.2-35-18.5-35z';

/**
 * A virtual tree with antd's Tree look (its classes and ARIA tree roles) that renders only the rows in view, each
 * of a fixed height: no node entities, no measuring, so thousands of rows render in one pass. Arrow keys move the
 * active row, Enter selects it; `onRowContextMenu` gets right-clicks on rows.
 */
export function VirtualTree(props: {
  rows: TreeRow[];
  height: number;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onActiveChange: (key: string | null) => void;
  onRowContextMenu: (key: string, event: MouseEvent) => void;
}) {
  const { rows, height, selectedKey } = props;
  const id = useId();
  const holder = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState<string | null>(null);
  const total = rows.length * treeRowHeight;
  const first = Math.max(0, Math.floor(scrollTop / treeRowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / treeRowHeight) + overscan);
  const activate = (key: string | null) => {
    setActive(key);
    props.onActiveChange(key);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = rows.findIndex((row) => row.key === active);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = index < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + step));
      const row = rows[next];
      if (!row) return;
      activate(row.key);
      const box = holder.current;
      if (box && next * treeRowHeight < box.scrollTop) box.scrollTop = next * treeRowHeight;
      else if (box && (next + 1) * treeRowHeight > box.scrollTop + box.clientHeight)
        box.scrollTop = (next + 1) * treeRowHeight - box.clientHeight;
    } else if (event.key === 'Enter' && rows[index]?.selectable) props.onSelect(rows[index].key);
  };
  return (
    <div className="ant-tree ant-tree-icon-hide ant-tree-block-node rdspg-tree">
      <div
        className="ant-tree-list"
        role="tree"
        tabIndex={0}
        aria-activedescendant={active ? `${id}-${active}` : undefined}
        style={{ position: 'relative' }}
        onKeyDown={onKeyDown}
        onBlur={() => activate(null)}
      >
        <div
          ref={holder}
          className="ant-tree-list-holder rdspg-tree-holder"
          style={{ maxHeight: height, overflowY: 'auto', overflowAnchor: 'none' }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div style={{ height: total, position: 'relative', overflow: 'hidden' }}>
            <div
              className="ant-tree-list-holder-inner"
              style={{
                display: 'flex',
                flexDirection: 'column',
                transform: `translateY(${first * treeRowHeight}px)`,
                position: 'absolute',
                left: 0,
                right: 0,
                top: 0,
              }}
            >
              {rows.slice(first, last).map((row) => (
                <TreeRowView
                  key={row.key}
                  id={`${id}-${row.key}`}
                  row={row}
                  selected={row.key === selectedKey}
                  active={row.key === active}
                  onClick={() => row.selectable && props.onSelect(row.key)}
                  onContextMenu={(event) => props.onRowContextMenu(row.key, event)}
                />
              ))}
            </div>
          </div>
        </div>
        {total > height && (
          <ScrollThumb
            view={height}
            total={total}
            scrollTop={scrollTop}
            scrollTo={(top) => holder.current?.scrollTo({ top })}
          />
        )}
      </div>
    </div>
  );
}

function TreeRowView(props: {
  id: string;
  row: TreeRow;
  selected: boolean;
  active: boolean;
  onClick: () => void;
  onContextMenu: (event: MouseEvent) => void;
}) {
  const { row, selected } = props;
  const classes = ['ant-tree-treenode', row.parent ? 'ant-tree-treenode-switcher-open' : 'ant-tree-treenode-leaf'];
  if (selected) classes.push('ant-tree-treenode-selected');
  if (props.active) classes.push('ant-tree-treenode-active');
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the tree, which names the active row (aria-activedescendant)
    <div
      role="treeitem"
      id={props.id}
      aria-level={row.level + 1}
      aria-expanded={row.parent || undefined}
      aria-selected={row.selectable ? selected : undefined}
      className={classes.join(' ')}
      onContextMenu={props.onContextMenu}
    >
      <span aria-hidden="true" className="ant-tree-indent">
        {Array.from({ length: row.level }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical units that never move
          <span key={index} className="ant-tree-indent-unit" />
        ))}
      </span>
      {row.parent ? (
        <span className="ant-tree-switcher ant-tree-switcher_open">
          <span aria-hidden="true" className="anticon anticon-caret-down ant-tree-switcher-icon">
            <svg viewBox="0 0 1024 1024" focusable="false" width="1em" height="1em" fill="currentColor" aria-hidden>
              <path d={caretDown} />
            </svg>
          </span>
        </span>
      ) : (
        <span className="ant-tree-switcher ant-tree-switcher-noop" />
      )}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the tree's own keys select (Enter on the active row) */}
      <span
        title={row.label ?? ''}
        className={`ant-tree-node-content-wrapper ant-tree-node-content-wrapper-${row.parent ? 'open' : 'normal'}${selected ? ' ant-tree-node-selected' : ''}`}
        onClick={props.onClick}
      >
        <span className="ant-tree-title">{row.title()}</span>
      </span>
    </div>
  );
}
