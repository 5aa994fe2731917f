import { addons } from 'storybook/manager-api';
import { agentStackTheme } from './theme';

addons.setConfig({
  theme: agentStackTheme,
  sidebar: { showRoots: true },
});
