import { inkOn } from './paletteModel';

/** A node kind's mark (Py, Go, Kf …) on its colour, in ink that reads on it. Decorative. */
export function KindMark({ mark, color, className }: { mark: string; color: string; className: string }) {
  return (
    <span className={className} style={{ background: color, color: inkOn(color) }} aria-hidden="true">
      {mark}
    </span>
  );
}
