import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { visibleWindow, type TreeRow } from './fileTree';

/** Each row's height in px (`.file-tree__row` in preview.css). */
const ROW_HEIGHT = 22;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 12;

interface Props {
  rows: readonly TreeRow[];
  /** The file shown in the code view. */
  current: string | null;
  collapsed: ReadonlySet<string>;
  onToggle: (path: string) => void;
  onChoose: (path: string) => void;
}

/**
 * The generated files as a tree. Only the rows in view are drawn (a project of 2,000 services has
 * some 52,000), each one a fixed `ROW_HEIGHT` high. The keyboard works as in a file manager: the
 * tree is one Tab stop; Up and Down move, Home and End jump, Enter or Space opens a file or folds
 * a folder, Right unfolds and Left folds (or goes to the parent folder).
 */
export function ProjectTree({ rows, current, collapsed, onToggle, onChoose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 400 });
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const wantFocus = useRef(false);

  /** Reads the scroll position and height that decide which rows are drawn. */
  const measure = () => {
    const el = box.current;
    if (el) setScroll({ top: el.scrollTop, height: el.clientHeight });
  };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setScroll({ top: el.scrollTop, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Fewer rows (a folder folded, the tree narrowed to a node's files) may move the scroll.
  useLayoutEffect(measure, [rows]);

  // The file shown is scrolled into view when it changes (and when the tree opens).
  const currentIndex = current ? rows.findIndex((r) => r.path === current) : -1;
  useLayoutEffect(() => {
    if (currentIndex >= 0) reveal(currentIndex);
    // only when the file shown changes, not on every scroll
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const focusIndex = focusPath === null ? -1 : rows.findIndex((r) => r.path === focusPath);
  // The one row Tab reaches: the one last focused, else the file shown, else the first.
  const tabStop = focusIndex >= 0 ? focusIndex : Math.max(0, currentIndex);

  /** Scrolls so that row `i` is in view. */
  function reveal(i: number) {
    const el = box.current;
    if (!el) return;
    const top = i * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    measure();
  }

  // After a key moved the focus, the row it moved to is drawn: give it the focus.
  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    box.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus({ preventScroll: true });
  });

  const moveTo = (i: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!row) return;
    wantFocus.current = true;
    setFocusPath(row.path);
    reveal(rows.indexOf(row));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabStop;
    const row = rows[i];
    if (!row) return;
    const parent = row.path.includes('/') ? row.path.slice(0, row.path.lastIndexOf('/')) : null;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(i + 1),
      ArrowUp: () => moveTo(i - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      PageDown: () => moveTo(i + Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 1)),
      PageUp: () => moveTo(i - Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 1)),
      Enter: () => (row.folder ? onToggle(row.path) : onChoose(row.path)),
      ' ': () => (row.folder ? onToggle(row.path) : onChoose(row.path)),
      ArrowRight: () => {
        if (row.folder && collapsed.has(row.path)) onToggle(row.path);
        else if (row.folder) moveTo(i + 1);
      },
      ArrowLeft: () => {
        if (row.folder && !collapsed.has(row.path)) onToggle(row.path);
        else if (parent !== null) moveTo(rows.findIndex((r) => r.path === parent));
      },
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const { first, last } = visibleWindow(rows.length, scroll.top, scroll.height, ROW_HEIGHT, OVERSCAN);
  const drawn = rows.slice(first, last);
  return (
    <div
      ref={box}
      className="file-tree"
      role="tree"
      aria-label="Generated files"
      onScroll={measure}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="file-tree__space" style={{ height: rows.length * ROW_HEIGHT }}>
        <div
          role="presentation"
          className="file-tree__rows"
          style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}
        >
          {drawn.map((r, k) => {
            const i = first + k;
            const active = !r.folder && r.path === current;
            return (
              <div
                key={r.path}
                role="treeitem"
                className={`file-tree__row ${r.folder ? 'tree-folder' : active ? 'tree-file active' : 'tree-file'}`}
                aria-level={r.depth + 1}
                aria-expanded={r.folder ? !collapsed.has(r.path) : undefined}
                aria-selected={r.folder ? undefined : active}
                tabIndex={i === tabStop ? 0 : -1}
                style={{ paddingLeft: 8 + r.depth * 12 }}
                title={r.path}
                onFocus={() => setFocusPath(r.path)}
                onClick={() => (r.folder ? onToggle(r.path) : onChoose(r.path))}
              >
                {r.folder ? <span aria-hidden="true">{collapsed.has(r.path) ? '▸ ' : '▾ '}</span> : null}
                {r.name}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
