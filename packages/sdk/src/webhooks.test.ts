import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AgentStack } from './client';
import { signWebhook, verifyWebhook, WebhookVerificationError } from './webhooks';

const SECRET = 'whsec_test_0123456789abcdef';
const OLD = 'whsec_old_fedcba9876543210';
const BODY = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'product.created',
  seq: 1,
  createdAt: '2026-11-30T00:00:00.000Z',
  data: { id: 'prod_1' },
});
const T = 1_800_000_000;
const NOW = T * 1000;

/** The signature as the server computes it, with node:crypto (an independent implementation). */
const v1 = (secret: string, t = T, body = BODY) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  return 'verified';
}

describe('verifyWebhook', () => {
  it('accepts a signature made with node:crypto and returns the event', async () => {
    const event = await verifyWebhook(BODY, `t=${T},v1=${v1(SECRET)}`, SECRET, { now: NOW });
    expect(event).toMatchObject({ id: 'evt_1', type: 'product.created' });
  });

  it('signs as the server does', async () => {
    expect(await signWebhook(BODY, [SECRET, OLD], T)).toBe(`t=${T},v1=${v1(SECRET)},v1=${v1(OLD)}`);
  });

  it('accepts any of several v1 values (rotation) and bytes as well as text', async () => {
    const header = `t=${T},v1=${v1(OLD)},v1=${v1(SECRET)}`;
    expect(await reason(verifyWebhook(BODY, header, SECRET, { now: NOW }))).toBe('verified');
    expect(await reason(verifyWebhook(BODY, header, OLD, { now: NOW }))).toBe('verified');
    expect(await reason(verifyWebhook(new TextEncoder().encode(BODY), header, [OLD], { now: NOW }))).toBe(
      'verified',
    );
  });

  it('rejects wrong secrets, altered bodies and absent or malformed headers', async () => {
    const header = `t=${T},v1=${v1(SECRET)}`;
    expect(await reason(verifyWebhook(BODY, header, OLD, { now: NOW }))).toBe('bad_signature');
    expect(await reason(verifyWebhook(`${BODY} `, header, SECRET, { now: NOW }))).toBe('bad_signature');
    expect(await reason(verifyWebhook(BODY, `t=${T + 1},v1=${v1(SECRET)}`, SECRET, { now: NOW }))).toBe(
      'bad_signature',
    );
    expect(await reason(verifyWebhook(BODY, undefined, SECRET, { now: NOW }))).toBe('missing_header');
    expect(await reason(verifyWebhook(BODY, '', SECRET, { now: NOW }))).toBe('missing_header');
    expect(await reason(verifyWebhook(BODY, `v1=${v1(SECRET)}`, SECRET, { now: NOW }))).toBe(
      'malformed_header',
    );
    expect(await reason(verifyWebhook(BODY, `t=${T}`, SECRET, { now: NOW }))).toBe('malformed_header');
    expect(await reason(verifyWebhook(BODY, `t=abc,v1=${v1(SECRET)}`, SECRET, { now: NOW }))).toBe(
      'malformed_header',
    );
    expect(await reason(verifyWebhook(BODY, `t=${T},v0=${v1(SECRET)}`, SECRET, { now: NOW }))).toBe(
      'malformed_header',
    );
  });

  it('rejects stale and future timestamps beyond the tolerance', async () => {
    const header = `t=${T},v1=${v1(SECRET)}`;
    expect(await reason(verifyWebhook(BODY, header, SECRET, { now: NOW + 301_000 }))).toBe('stale_timestamp');
    expect(await reason(verifyWebhook(BODY, header, SECRET, { now: NOW - 301_000 }))).toBe('stale_timestamp');
    expect(await reason(verifyWebhook(BODY, header, SECRET, { now: NOW + 299_000 }))).toBe('verified');
    expect(
      await reason(verifyWebhook(BODY, header, SECRET, { now: NOW + 3_600_000, toleranceSeconds: 7200 })),
    ).toBe('verified');
  });

  it('rejects a signed body that is not an event', async () => {
    const body = '{"hello":"world"}';
    expect(await reason(verifyWebhook(body, `t=${T},v1=${v1(SECRET, T, body)}`, SECRET, { now: NOW }))).toBe(
      'invalid_body',
    );
  });

  it('is client.webhooks.verify, which needs no API key', async () => {
    const client = new AgentStack({ apiKey: null });
    const event = await client.webhooks.verify(BODY, `t=${T},v1=${v1(SECRET)}`, SECRET, {
      toleranceSeconds: 0,
    });
    expect(event.id).toBe('evt_1');
  });
});
