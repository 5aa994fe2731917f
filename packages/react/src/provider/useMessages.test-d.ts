import { describe, expectTypeOf, it } from 'vitest';
import { planBadgeMessages } from '../components/platform/PlanBadge/messages';
import { catalogueMessages } from '../messages/catalogue';
import { defaultMessages, type MessageKey, type Translate } from '../messages/messages';
import { useMessages } from './context';

// `t` accepts only the keys of the dictionaries a component passes (and the common ones), so a key
// a component shows but bundles no default for fails `npm run typecheck`, never renders raw.
describe('useMessages', () => {
  it('types t to the keys of the dictionaries it is given, placeholders included', () => {
    const { t, messages } = useMessages(planBadgeMessages, catalogueMessages);
    t('plan.none');
    t('domain.commerce');
    t('common.loading');
    t('plan.badgeLabel', { domain: 'Commerce', name: 'Growth' });
    // @ts-expect-error a key of another component: its default is not bundled here
    t('products.title');
    // @ts-expect-error a message with placeholders needs its variables
    t('plan.badgeLabel');
    // @ts-expect-error and only those
    t('plan.badgeLabel', { domain: 'Commerce' });
    expectTypeOf(messages['domain.social']).toBeString();
    // @ts-expect-error messages holds the same keys only
    messages['products.title'];
  });

  it('with no dictionary, translates the common messages only', () => {
    const { t } = useMessages();
    t('common.retry');
    // @ts-expect-error
    t('plan.none');
  });

  it('with the whole catalogue, translates every key', () => {
    const { t } = useMessages(defaultMessages);
    expectTypeOf(t).toEqualTypeOf<Translate<MessageKey>>();
    expectTypeOf(t).toEqualTypeOf<Translate>();
  });
});
