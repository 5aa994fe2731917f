import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger';
import { type EmailTransport, Mailer, type OutgoingEmail } from './transport';

const MESSAGE: OutgoingEmail = {
  fromName: 'Brand',
  to: { name: 'Invitee', address: 'invitee@example.test' },
  subject: 'Join',
  text: 'https://dash.example.test/#/accept?token=inv_secret',
  html: '<a href="https://dash.example.test/#/accept?token=inv_secret">Join</a>',
};

function mailer(transport: EmailTransport | null, timeoutMs = 50) {
  const lines: string[] = [];
  const log = createLogger('debug', (line) => void lines.push(line));
  return { mailer: new Mailer(transport, 'no-reply@example.test', log, timeoutMs), lines };
}

describe('Mailer', () => {
  it('answers not_configured without a transport, sent when the transport takes the message', async () => {
    expect(await mailer(null).mailer.send(MESSAGE)).toBe('not_configured');
    const sent: unknown[] = [];
    const ok = mailer({ kind: 'test', send: async (m) => void sent.push(m) });
    expect(await ok.mailer.send(MESSAGE)).toBe('sent');
    const { fromName: _, ...rest } = MESSAGE;
    expect(sent).toEqual([{ ...rest, from: { name: 'Brand', address: 'no-reply@example.test' } }]);
  });

  it('answers failed at its deadline when the transport never answers, and logs no link', async () => {
    const hanging = mailer({ kind: 'test', send: () => new Promise<void>(() => undefined) });
    expect(await hanging.mailer.send(MESSAGE)).toBe('failed');
    const refused = mailer({ kind: 'test', send: () => Promise.reject(new Error('550 refused')) });
    expect(await refused.mailer.send(MESSAGE)).toBe('failed');
    const lines = [...hanging.lines, ...refused.lines].map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.msg, l.error])).toEqual([
      ['email not sent', 'no answer within 50 ms'],
      ['email not sent', '550 refused'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('inv_secret');
  });
});
