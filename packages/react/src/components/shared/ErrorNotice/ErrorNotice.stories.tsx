import type { Meta, StoryObj } from '@storybook/react-vite';
import { shows } from '../../../../../../.storybook/play';
import { ErrorNotice } from './ErrorNotice';

const meta = {
  title: 'Shared/ErrorNotice',
  component: ErrorNotice,
  args: {
    error: {
      code: 'internal_error',
      status: 503,
      problem: {
        code: 'internal_error',
        status: 503,
        title: 'Service unavailable',
        detail: 'The catalogue is temporarily unavailable.',
        requestId: 'req_demo0000000001',
      },
    },
  },
} satisfies Meta<typeof ErrorNotice>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An API problem: code, detail and request id. */
export const Problem: Story = {
  play: shows(
    'The catalogue is temporarily unavailable.',
    'Error code: internal_error',
    'Request ID: req_demo0000000001',
  ),
};
/** With a retry button. */
export const WithRetry: Story = { args: { onRetry: () => {} }, play: shows('Try again') };
/** A plain error. */
export const PlainError: Story = {
  args: { error: new Error('Network request failed') },
  play: shows('Network request failed'),
};
