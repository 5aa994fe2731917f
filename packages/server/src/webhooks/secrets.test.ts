import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockedAddressReason, resolveReceiver } from './address';
import { openSecretBox, SecretBox } from './secretBox';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(40));

  it('seals with a fresh nonce each time and opens only with the same key and context', () => {
    const a = box.seal('whsec_abc', 'we_1');
    expect(a).not.toContain('whsec_abc');
    expect(box.seal('whsec_abc', 'we_1')).not.toBe(a);
    expect(box.open(a, 'we_1')).toBe('whsec_abc');
    expect(() => box.open(a, 'we_2')).toThrow();
    expect(() => new SecretBox('j'.repeat(40)).open(a, 'we_1')).toThrow();
    const tampered = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`;
    expect(() => box.open(tampered, 'we_1')).toThrow();
  });

  it('refuses a short server key', () => {
    expect(() => new SecretBox('short')).toThrow(/at least 32/);
  });
});

describe('openSecretBox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agentstack-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a private key file on first start and reads the same key afterwards', () => {
    const file = join(dir, 'secret-key');
    const first = openSecretBox({ secretKeyFile: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sealed = first.box!.seal('whsec_x', 'we_1');
    expect(openSecretBox({ secretKeyFile: file }).box!.open(sealed, 'we_1')).toBe('whsec_x');
  });

  it('has no key on PostgreSQL without one, and a random one in memory', () => {
    expect(openSecretBox({ databaseUrl: 'postgres://x/y' }).box).toBeNull();
    expect(openSecretBox({ databaseUrl: 'postgres://x/y', secretKey: 'k'.repeat(32) }).box).not.toBeNull();
    expect(openSecretBox({}).origin).toBe('memory');
  });
});

describe('receiver addresses', () => {
  it('blocks private, loopback, link-local, unique-local, multicast and mapped addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
    ]) {
      expect(blockedAddressReason(ip), ip).toBeDefined();
    }
    for (const ip of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(blockedAddressReason(ip), ip).toBeUndefined();
    }
  });

  it('resolves a name and refuses it when any address it resolves to is private', async () => {
    const resolve = async (host: string) =>
      host === 'evil.example.test'
        ? [
            { address: '93.184.215.14', family: 4 },
            { address: '127.0.0.1', family: 4 },
          ]
        : [{ address: '93.184.215.14', family: 4 }];
    await expect(resolveReceiver(new URL('https://evil.example.test/h'), false, resolve)).rejects.toThrow(
      /address refused: evil\.example\.test resolves to 127\.0\.0\.1/,
    );
    await expect(resolveReceiver(new URL('https://good.example.test/h'), false, resolve)).resolves.toEqual({
      address: '93.184.215.14',
      family: 4,
    });
    await expect(
      resolveReceiver(new URL('https://evil.example.test/h'), true, resolve),
    ).resolves.toMatchObject({
      address: '93.184.215.14',
    });
    await expect(resolveReceiver(new URL('https://[::1]:8443/h'), false, resolve)).rejects.toThrow(
      /address refused/,
    );
  });
});
