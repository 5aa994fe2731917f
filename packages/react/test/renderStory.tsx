import { render } from '@testing-library/react';
import type { ComponentType } from 'react';

/** A composed story: a component with `load()` (loaders + beforeEach, i.e. the msw handlers). */
export interface ComposedStory {
  (props?: Record<string, unknown>): unknown;
  load: () => Promise<void>;
  play?: (context?: { canvasElement?: HTMLElement }) => Promise<void> | void;
  storyName: string;
}

/** Runs the story's loaders and `beforeEach` hooks (msw handlers), then renders it. */
export async function renderStory(Story: ComposedStory) {
  await Story.load();
  const Component = Story as unknown as ComponentType;
  return render(<Component />);
}

/**
 * Renders the story and runs its play function against it: the play function asserts the state
 * the story is named after, so this fails when the story stops showing it. A story without a play
 * function fails here rather than passing for having rendered.
 */
export async function playStory(Story: ComposedStory) {
  if (!Story.play) throw new Error(`${Story.storyName} has no play function: say what the story shows`);
  const rendered = await renderStory(Story);
  await Story.play({ canvasElement: rendered.container });
  return rendered;
}
