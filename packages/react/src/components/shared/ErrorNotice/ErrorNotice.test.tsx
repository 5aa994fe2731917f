import { composeStories } from '@storybook/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import * as stories from './ErrorNotice.stories';

const { Problem, WithRetry, PlainError } = composeStories(stories);

describe('ErrorNotice', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('shows the code, detail and request id', async () => {
    await renderStory(Problem);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByText('The catalogue is temporarily unavailable.')).toBeTruthy();
    expect(screen.getByText('Error code: internal_error')).toBeTruthy();
    expect(screen.getByText('Request ID: req_demo0000000001')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a retry', async () => {
    await renderStory(WithRetry);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows a plain error message', async () => {
    await renderStory(PlainError);
    expect(screen.getByText('Network request failed')).toBeTruthy();
  });
});
