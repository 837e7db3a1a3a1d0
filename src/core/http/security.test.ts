// Security headers on every response, and the one Secure-cookie rule they share with cookies.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { isSecureSite } from './cookies.ts';
import { installSecurityHeaders, PERMISSIONS_POLICY } from './security.ts';

async function appAt(baseUrl: string) {
  const app = Fastify({ trustProxy: true });
  installSecurityHeaders(app, { baseUrl });
  app.get('/page', async (_req, reply) => reply.type('text/html').send('<p>hi</p>'));
  app.get('/data', async () => ({ ok: true }));
  return app;
}

describe('security headers', () => {
  it('pins HTTPS with HSTS on every response of an https site, pages and errors alike', async () => {
    const app = await appAt('https://warta.example');
    for (const url of ['/page', '/data', '/missing']) {
      const res = await app.inject(url);
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
    }
  });

  it('sends no HSTS on an http site, whatever X-Forwarded-Proto claims', async () => {
    const app = await appAt('http://localhost:3000');
    const res = await app.inject({ url: '/page', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(res.headers['strict-transport-security'], undefined);
  });

  it('turns off unused browser features but keeps autoplay and fullscreen for our own players', async () => {
    const app = await appAt('http://localhost:3000');
    for (const url of ['/page', '/data']) {
      const policy = String((await app.inject(url)).headers['permissions-policy']);
      assert.equal(policy, PERMISSIONS_POLICY, url);
    }
    for (const off of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort', 'browsing-topics']) {
      assert.match(PERMISSIONS_POLICY, new RegExp(`(^|, )${off}=\\(\\)`), off);
    }
    // Ours, and the embedded players' a reader chose to load (youtube-nocookie …).
    assert.match(PERMISSIONS_POLICY, /autoplay=\(self "https:\/\/www\.youtube-nocookie\.com"[^)]*\)/);
    assert.match(PERMISSIONS_POLICY, /fullscreen=\(self "https:\/\/www\.youtube-nocookie\.com"[^)]*\)/);
  });

  it('keeps CSP on HTML only, and nosniff, referrer and framing headers everywhere', async () => {
    const app = await appAt('https://warta.example');
    const page = await app.inject('/page');
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    const data = await app.inject('/data');
    assert.equal(data.headers['content-security-policy'], undefined);
    for (const res of [page, data]) {
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    }
  });
});

describe('isSecureSite', () => {
  it('is true exactly when the configured base URL is https', () => {
    assert.equal(isSecureSite('https://warta.example'), true);
    assert.equal(isSecureSite('HTTPS://warta.example/news'), true);
    assert.equal(isSecureSite('http://localhost:3000'), false);
    assert.equal(isSecureSite('http://https.example'), false);
  });
});
