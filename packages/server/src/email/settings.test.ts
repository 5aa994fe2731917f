import { describe, expect, it } from 'vitest';
import { parseEmailAddress, parsePublicUrl, parseSmtpUrl } from './settings';
import { headerText } from './transport';

describe('email settings', () => {
  it('publicUrl: https anywhere, http only on this machine, normalised to end with /', () => {
    expect(parsePublicUrl('https://dash.example.com')).toBe('https://dash.example.com/');
    expect(parsePublicUrl('https://dash.example.com/app')).toBe('https://dash.example.com/app/');
    expect(parsePublicUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(parsePublicUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(parsePublicUrl('http://[::1]:5173/')).toBe('http://[::1]:5173/');
    for (const bad of [
      'http://dash.example.com',
      'http://localhost.evil.com',
      'javascript:alert(1)',
      'ftp://dash.example.com',
      'https://user:pw@dash.example.com',
      'https://dash.example.com/?next=x',
      'https://dash.example.com/#frag',
      'dash.example.com',
    ]) {
      expect(() => parsePublicUrl(bad), bad).toThrow(/publicUrl/);
    }
  });

  it('smtpUrl: smtp (STARTTLS, 587) and smtps (TLS, 465), credentials decoded, TLS required for credentials off this machine', () => {
    expect(parseSmtpUrl('smtp://mail.example.com')).toEqual({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      requireTLS: false,
    });
    expect(parseSmtpUrl('smtps://a%40b:p%3Ass@mail.example.com')).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'a@b', pass: 'p:ss' },
      requireTLS: false,
    });
    expect(parseSmtpUrl('smtp://u:p@mail.example.com:2525')).toMatchObject({ port: 2525, requireTLS: true });
    expect(parseSmtpUrl('smtp://u:p@127.0.0.1:2525')).toMatchObject({ requireTLS: false });
    expect(() => parseSmtpUrl('https://mail.example.com')).toThrow(/smtp:\/\//);
    expect(() => parseSmtpUrl('not a url')).toThrow(/smtpUrl/);
    expect(() => parseSmtpUrl('smtp://mail.example.com/path')).toThrow(/no path/);
  });

  it('emailFrom: a bare address, nothing a header could break on', () => {
    expect(parseEmailAddress('no-reply@example.com')).toBe('no-reply@example.com');
    for (const bad of ['Name <a@b.c>', 'a@b.c\r\nBcc: x@y.z', 'a b@c.d', 'nobody', 'a@b@c']) {
      expect(() => parseEmailAddress(bad), bad).toThrow(/emailFrom/);
    }
  });

  it('headerText makes any name one line', () => {
    expect(headerText('Acme\r\nBcc: x@y.z')).toBe('Acme Bcc: x@y.z');
    expect(headerText('  a\u2028b\u0000c\td  ')).toBe('a b c d');
  });
});
