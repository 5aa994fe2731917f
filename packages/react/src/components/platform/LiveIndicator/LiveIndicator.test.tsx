import { AgentStack } from '@agentstack/sdk';
import { composeStories } from '@storybook/react';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { playStory, renderStory } from '../../../../test/renderStory';
import { AgentStackProvider } from '../../../provider/AgentStackProvider';
import { LiveIndicator } from './LiveIndicator';
import * as stories from './LiveIndicator.stories';

const { Connected } = composeStories(stories);

describe('LiveIndicator', () => {
  it.each(Object.entries(composeStories(stories)))(
    '%s: shows what its play function asserts',
    async (_name, Story) => {
      await playStory(Story);
    },
  );

  it('says its state in words in a status region, the dot hidden from assistive tech', async () => {
    await renderStory(Connected);
    const region = await screen.findByRole('status');
    await waitFor(() => expect(region.textContent).toBe('Live updates: Live'));
    expect(region.querySelector('.as-live__dot')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('takes its words from the messages', () => {
    const client = new AgentStack({ apiKey: 'sk_test_unused', baseUrl: 'http://unused.test' });
    render(
      <AgentStackProvider
        client={client}
        locale={{ messages: { 'live.label': 'Mises à jour', 'live.offline': 'Hors ligne' } }}
      >
        <LiveIndicator status="offline" />
      </AgentStackProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Mises à jour: Hors ligne');
  });
});
