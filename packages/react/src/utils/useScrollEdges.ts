import { useCallback, useEffect, useRef, useState } from 'react';

/** Whether a sideways-scrolling element has more to show before and after what is in view. */
export interface ScrollEdges {
  /** Content is hidden to the start (left in left-to-right text). */
  start: boolean;
  /** Content is hidden to the end (right in left-to-right text). */
  end: boolean;
}

/** Below this many pixels an edge counts as reached (sub-pixel widths and snapping). */
const SLACK = 2;

function edgesOf(el: HTMLElement): ScrollEdges {
  const hidden = el.scrollWidth - el.clientWidth;
  if (hidden <= SLACK) return { start: false, end: false };
  // In right-to-left text scrollLeft runs from 0 down to -hidden.
  const scrolled = Math.abs(el.scrollLeft);
  return { start: scrolled > SLACK, end: scrolled < hidden - SLACK };
}

/**
 * Tracks what a sideways-scrolling element hides ({@link ScrollEdges}), kept up to date as it
 * scrolls, resizes and re-renders, so a board or strip can show that more lies beyond its edge —
 * and `scrollByItem` to move by about one child (a column), smoothly unless the user asked for
 * reduced motion.
 *
 * @example
 * ```tsx
 * const { ref, edges, scrollByItem } = useScrollEdges<HTMLDivElement>();
 * <div ref={ref} className="strip">…</div>
 * {edges.end ? <button onClick={() => scrollByItem(1)}>More</button> : null}
 * ```
 */
export function useScrollEdges<T extends HTMLElement>() {
  const element = useRef<T | null>(null);
  const [edges, setEdges] = useState<ScrollEdges>({ start: false, end: false });
  const update = useCallback(() => {
    const el = element.current;
    if (!el) return;
    const next = edgesOf(el);
    setEdges((now) => (now.start === next.start && now.end === next.end ? now : next));
  }, []);
  const [observed, setObserved] = useState<T | null>(null);
  const ref = useCallback((el: T | null) => {
    element.current = el;
    setObserved(el);
  }, []);

  useEffect(() => {
    if (!observed) return;
    update();
    observed.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    resize?.observe(observed);
    return () => {
      observed.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [observed, update]);
  // Content that loads or folds open changes the scroll width without resizing the element.
  useEffect(update);

  const scrollByItem = useCallback((direction: -1 | 1) => {
    const el = element.current;
    if (!el) return;
    const item = el.firstElementChild as HTMLElement | null;
    const step = item ? item.getBoundingClientRect().width : el.clientWidth * 0.8;
    const rtl = getComputedStyle(el).direction === 'rtl' ? -1 : 1;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollBy({ left: direction * rtl * step, behavior: reduced ? 'auto' : 'smooth' });
  }, []);

  return { ref, edges, scrollByItem };
}
