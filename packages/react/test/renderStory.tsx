import { render } from '@testing-library/react';
import type { ComponentType } from 'react';

/** A composed story: a component with `load()` (loaders + beforeEach, i.e. the msw handlers). */
export interface ComposedStory {
  (props?: Record<string, unknown>): unknown;
  load: () => Promise<void>;
  storyName: string;
}

/** Runs the story's loaders and `beforeEach` hooks (msw handlers), then renders it. */
export async function renderStory(Story: ComposedStory) {
  await Story.load();
  const Component = Story as unknown as ComponentType;
  return render(<Component />);
}
