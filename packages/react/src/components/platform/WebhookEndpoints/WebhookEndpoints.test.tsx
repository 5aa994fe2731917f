import { composeStories } from '@storybook/react';
import { describe, it } from 'vitest';
import { playStory } from '../../../../test/renderStory';
import * as stories from './WebhookEndpoints.stories';

// The hooks' behaviour is tested in hooks/platform/useWebhookEndpoints.test.tsx; here, each story.
describe('WebhookEndpoints', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );
});
