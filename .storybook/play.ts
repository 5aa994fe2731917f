import { http, type RequestHandler } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { MOCK_BASE_URL } from './mockApi';

/**
 * Play-function helpers: each asserts one state a story names, so a story that stops showing
 * what its name says fails — in the component tests (which run every play function) and in the
 * browser check of the built Storybook.
 */
export interface PlayContext {
  canvasElement: HTMLElement;
}
export type Play = (context: PlayContext) => Promise<void>;

const canvasOf = ({ canvasElement }: PlayContext) => within(canvasElement);
const pagerOf = (context: PlayContext) =>
  within(context.canvasElement).queryByRole('navigation', { name: /^Page \d+$/ });

/** Runs the checks one after the other. */
export const all =
  (...plays: Play[]): Play =>
  async (context) => {
    for (const play of plays) await play(context);
  };

/** These texts are shown (waiting for them to appear). */
export const shows =
  (...texts: Array<string | RegExp>): Play =>
  async (context) => {
    for (const text of texts) {
      await expect((await canvasOf(context).findAllByText(text)).length).toBeGreaterThan(0);
    }
  };

/** These texts are not shown, once `after` is. */
export const hides =
  (after: string | RegExp, ...texts: Array<string | RegExp>): Play =>
  async (context) => {
    await canvasOf(context).findByText(after);
    for (const text of texts) await expect(canvasOf(context).queryByText(text)).toBeNull();
  };

/** A heading with this name. */
export const heading =
  (name: string | RegExp): Play =>
  async (context) => {
    await expect(await canvasOf(context).findByRole('heading', { name })).toBeTruthy();
  };

/** The named table has loaded `rows` body rows (or at least one when not given). */
export const tableRows =
  (name: string, rows?: number): Play =>
  async (context) => {
    const table = await canvasOf(context).findByRole('table', { name });
    await waitFor(() => expect(table.getAttribute('aria-busy')).toBeNull(), { timeout: 5000 });
    const body = within(table).getAllByRole('row').slice(1);
    if (rows === undefined) await expect(body.length).toBeGreaterThan(0);
    else await expect(body).toHaveLength(rows);
  };

/** The loading state: the table is busy with placeholder rows, and there is no pager yet. */
export const loading =
  (tableName: string): Play =>
  async (context) => {
    const table = await canvasOf(context).findByRole('table', { name: tableName });
    await expect(table.getAttribute('aria-busy')).toBe('true');
    await expect(within(table).getByText('Loading…')).toBeTruthy();
    await expect(pagerOf(context)).toBeNull();
  };

/** The empty state with this title, and no pager. */
export const empty =
  (title: string): Play =>
  async (context) => {
    await expect(await canvasOf(context).findByText(title)).toBeTruthy();
    await expect(pagerOf(context)).toBeNull();
  };

/**
 * The load error: an alert with the problem's detail (and code, when given) and a retry, in place
 * of the table, with no pager.
 */
export const loadError =
  (text: string | RegExp, code?: string): Play =>
  async (context) => {
    const alert = await canvasOf(context).findByRole('alert');
    await expect(within(alert).getByText(text)).toBeTruthy();
    if (code) await expect(within(alert).getByText(`Error code: ${code}`)).toBeTruthy();
    await expect(canvasOf(context).queryByRole('table')).toBeNull();
    await expect(pagerOf(context)).toBeNull();
  };

/** An upgrade prompt (a region named after what is locked), with its call to action when given. */
export const upgradePrompt =
  (name: string | RegExp, body?: string | RegExp): Play =>
  async (context) => {
    const region = await canvasOf(context).findByRole('region', { name });
    if (body) await expect(within(region).getByText(body)).toBeTruthy();
  };

/** The root carries the dark scheme of a dark brand. */
export const darkScheme: Play = async ({ canvasElement }) => {
  const root = (canvasElement.closest('.as-root') ?? canvasElement.querySelector('.as-root')) as HTMLElement;
  await expect(root?.dataset.asScheme).toBe('dark');
};

/** Requests the story sent to the mock API, recorded by {@link recordRequests}. */
const sent: string[] = [];

/** msw handler recording every request to the mock API, then letting it through. */
const recorder: RequestHandler = http.all(`${MOCK_BASE_URL}/*`, ({ request }) => {
  sent.push(`${request.method} ${new URL(request.url).pathname.replace(/^\/mock-api/, '')}`);
  return undefined;
});

/** Story `beforeEach` that records the story's requests (see {@link noRequest}). */
export function recordRequests({ msw }: { msw: { use: (...handlers: RequestHandler[]) => void } }) {
  sent.length = 0;
  msw.use(recorder);
}

/** Nothing was sent to the API (the story needs `beforeEach: recordRequests`), once `after` shows. */
export const noRequest =
  (after: string | RegExp): Play =>
  async (context) => {
    await canvasOf(context).findByText(after);
    await expect([...sent]).toEqual([]);
  };

/** A form control with this label. */
export const field =
  (label: string | RegExp): Play =>
  async (context) => {
    await expect(await canvasOf(context).findByLabelText(label)).toBeTruthy();
  };

/** Types into the labelled fields (in order), then clicks the named button. */
export const submit =
  (values: Array<[label: string, text: string]>, button: string): Play =>
  async (context) => {
    const canvas = canvasOf(context);
    for (const [label, text] of values) await userEvent.type(await canvas.findByLabelText(label), text);
    await userEvent.click(canvas.getByRole('button', { name: button }));
  };

/** Clicks the control with this accessible name (a button, or a checkbox). */
export const click =
  (name: string | RegExp, role: 'button' | 'checkbox' = 'button'): Play =>
  async (context) => {
    await userEvent.click(await canvasOf(context).findByRole(role, { name }));
  };
