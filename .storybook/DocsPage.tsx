import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';

/**
 * A component's docs page: its TSDoc, its primary story live, and its props. The other stories
 * (each state) are one click away in the sidebar; they are not rendered here, because they share
 * the page's mock API and one story's overrides (an error, a slow answer) would leak into another.
 */
export function DocsPage() {
  return (
    <>
      <Title />
      <Subtitle />
      <Description />
      <Primary />
      <Controls />
    </>
  );
}
