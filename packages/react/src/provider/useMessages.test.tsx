/// <reference types="vite/client" />
import { AgentStack } from '@agentstack/sdk';
import { upgradeForFeature } from '@agentstack/sdk/catalog';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rawMessageKeys } from '../../test/rawMessageKeys';
import { CreateProductForm } from '../components/commerce/CreateProductForm/CreateProductForm';
import { UpgradePrompt } from '../components/platform/UpgradePrompt/UpgradePrompt';
import type { Messages } from '../messages/messages';
import { AgentStackProvider } from './AgentStackProvider';

const client = new AgentStack({ apiKey: 'sk_test_unused', baseUrl: 'http://unused.test' });
const withMessages = (messages: Partial<Messages>, children: React.ReactNode) =>
  render(
    <AgentStackProvider client={client} locale={{ messages }}>
      {children}
    </AgentStackProvider>,
  );

describe('useMessages: override, then the component’s defaults, then the key', () => {
  it('shows an override of a component’s own key, of a shared set’s key and of a common key', () => {
    withMessages(
      {
        'productForm.titleLabel': 'Titel', // CreateProductForm's own messages.ts
        'products.status.draft': 'Entwurf', // the shared product statuses
        'common.cancel': 'Abbrechen', // the common messages, shown by FormActions inside it
      },
      <CreateProductForm onCancel={() => {}} />,
    );
    expect(screen.getByLabelText('Titel')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Entwurf' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
    // Keys nobody overrides keep the component's defaults.
    expect(screen.getByRole('option', { name: 'Active' })).toBeTruthy();
    expect(screen.getByLabelText('SKU')).toBeTruthy();
  });

  it('reaches the plan catalogue labels a nested prompt shows', () => {
    withMessages(
      {
        'upgrade.featureTitle': 'Nicht im Tarif: {{feature}}',
        'feature.commerce.bulkOperations': 'Massenaktionen',
        'domain.commerce': 'Handel',
      },
      <UpgradePrompt
        upgrade={upgradeForFeature('commerce.bulkOperations')}
        feature="commerce.bulkOperations"
      />,
    );
    expect(screen.getByText('Nicht im Tarif: Massenaktionen')).toBeTruthy();
    expect(screen.getByText(/^Available on the Handel \w+ plan\.$/)).toBeTruthy();
  });
});

describe('the raw-key check every test ends with (test/setup.ts)', () => {
  it('finds keys shown as text or as a label, and nothing in real messages', () => {
    const { container, unmount } = render(
      <div>
        <p>Upgrade to unlock</p>
        <p>upgrade.title</p>
        <button type="button" aria-label="team.role.admin">
          Alice is now team.role.viewer.
        </button>
        <a href="mailto:x@example.com">x@example.com</a>
      </div>,
    );
    const found = rawMessageKeys(container);
    unmount(); // or the check after this test would fail it
    expect(found).toEqual(['upgrade.title', 'team.role.viewer', 'team.role.admin (aria-label)']);
  });
});

describe('every story is rendered by a test, so the raw-key check sees it', () => {
  const stories = import.meta.glob('../components/**/*.stories.tsx', { query: '?raw', import: 'default' });
  const tests = import.meta.glob<string>('../components/**/*.test.tsx', {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  it.each(Object.keys(stories))('%s is played, story by story, by the test beside it', (path) => {
    const test = tests[path.replace(/\.stories\.tsx$/, '.test.tsx')];
    expect(test, `${path} has no test beside it`).toBeDefined();
    expect(test).toContain('Object.entries(composeStories(stories))');
    expect(test).toMatch(/(playStory|renderStory)\(Story\)/);
  });
});
