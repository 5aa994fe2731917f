import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useScrollEdges } from './useScrollEdges';

/** A strip whose layout is given: happy-dom lays nothing out. */
function layout(el: HTMLElement, { scrollWidth, clientWidth }: { scrollWidth: number; clientWidth: number }) {
  Object.defineProperty(el, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(el, 'clientWidth', { configurable: true, value: clientWidth });
}

function Strip({ items }: { items: number }) {
  const { ref, edges, scrollByItem } = useScrollEdges<HTMLDivElement>();
  return (
    <>
      <div ref={ref} data-testid="strip">
        {Array.from({ length: items }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed test items
          <span key={i}>item {i}</span>
        ))}
      </div>
      <output>{`${edges.start ? 'start' : '-'} ${edges.end ? 'end' : '-'}`}</output>
      <button type="button" onClick={() => scrollByItem(1)}>
        next
      </button>
    </>
  );
}

describe('useScrollEdges', () => {
  it('says nothing is hidden when the content fits', () => {
    render(<Strip items={2} />);
    layout(screen.getByTestId('strip'), { scrollWidth: 500, clientWidth: 500 });
    fireEvent.scroll(screen.getByTestId('strip'));
    expect(screen.getByRole('status').textContent).toBe('- -');
  });

  it('follows the scroll position: more at the end, then at both edges, then only at the start', () => {
    render(<Strip items={6} />);
    const strip = screen.getByTestId('strip');
    layout(strip, { scrollWidth: 1200, clientWidth: 500 });
    fireEvent.scroll(strip);
    expect(screen.getByRole('status').textContent).toBe('- end');
    strip.scrollLeft = 300;
    fireEvent.scroll(strip);
    expect(screen.getByRole('status').textContent).toBe('start end');
    strip.scrollLeft = 700;
    fireEvent.scroll(strip);
    expect(screen.getByRole('status').textContent).toBe('start -');
  });

  it('counts right-to-left scroll positions (negative) the same way', () => {
    render(<Strip items={6} />);
    const strip = screen.getByTestId('strip');
    layout(strip, { scrollWidth: 1200, clientWidth: 500 });
    strip.scrollLeft = -700;
    fireEvent.scroll(strip);
    expect(screen.getByRole('status').textContent).toBe('start -');
  });

  it('re-reads the edges when new content widens it without a scroll', () => {
    const { rerender } = render(<Strip items={2} />);
    const strip = screen.getByTestId('strip');
    layout(strip, { scrollWidth: 500, clientWidth: 500 });
    fireEvent.scroll(strip);
    expect(screen.getByRole('status').textContent).toBe('- -');
    layout(strip, { scrollWidth: 900, clientWidth: 500 });
    rerender(<Strip items={4} />);
    expect(screen.getByRole('status').textContent).toBe('- end');
  });

  it('scrolls by about one item', () => {
    render(<Strip items={6} />);
    const strip = screen.getByTestId('strip');
    const first = strip.firstElementChild as HTMLElement;
    first.getBoundingClientRect = () => ({ width: 210 }) as DOMRect;
    const scrollBy = vi.fn();
    strip.scrollBy = scrollBy as typeof strip.scrollBy;
    act(() => screen.getByRole('button', { name: 'next' }).click());
    expect(scrollBy).toHaveBeenCalledWith(expect.objectContaining({ left: 210 }));
  });
});
