// The client address Fastify reports for each WARTA_TRUST_PROXY form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { loadConfig } from '../config.ts';

async function ipSeen(setting: string, forwardedFor: string, remoteAddress = '10.0.0.5'): Promise<string> {
  const app = Fastify({ trustProxy: loadConfig({ WARTA_TRUST_PROXY: setting }).trustProxy });
  app.get('/', async (request) => request.ip);
  const res = await app.inject({ url: '/', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });
  await app.close();
  return res.body;
}

describe('trust proxy', () => {
  it('ignores X-Forwarded-For when off', async () => {
    assert.equal(await ipSeen('0', '203.0.113.9'), '10.0.0.5');
  });

  it('believes every hop when on', async () => {
    assert.equal(await ipSeen('1', '198.51.100.1, 203.0.113.9'), '198.51.100.1');
  });

  it('believes only the listed proxies, so a client cannot forge its address past them', async () => {
    // The client sent "198.51.100.1"; our proxy (10.0.0.5) appended the address it saw.
    assert.equal(await ipSeen('10.0.0.0/8', '198.51.100.1, 203.0.113.9'), '203.0.113.9');
    assert.equal(await ipSeen('192.0.2.1', '203.0.113.9'), '10.0.0.5', 'an unlisted peer is the client');
  });
});
