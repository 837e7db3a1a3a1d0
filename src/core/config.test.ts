// Settings: defaults, validation that names the setting, .env files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, SETTING_NAMES, loadConfig, readEnvironment } from './config.ts';

describe('loadConfig', () => {
  it('fills in the documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.baseUrl, 'http://localhost:3000');
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.equal(c.databaseUrl, `sqlite:${path.resolve('./data/warta.db')}`);
    assert.equal(c.engine, 'sqlite');
    assert.equal(c.demo, true);
    assert.equal(c.timezone, 'Asia/Jakarta');
    assert.equal(c.defaultEdition, 'en');
    assert.ok(Object.isFrozen(c));
  });

  it('switches to PostgreSQL for a postgres:// URL and trims the base URL', () => {
    const c = loadConfig({
      WARTA_DATABASE_URL: 'postgres://u@db:5432/warta',
      WARTA_BASE_URL: 'https://voi.example/',
      WARTA_DEMO: '0',
    });
    assert.equal(c.engine, 'postgres');
    assert.equal(c.baseUrl, 'https://voi.example');
    assert.equal(c.demo, false);
  });

  it('reports every invalid setting at once, each line naming its setting', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          WARTA_TIMEZONE: 'Mars/Olympus',
          WARTA_DATABASE_URL: 'mysql://x',
          WARTA_COOKIE_SECRET: 'short',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 4);
        for (const name of ['PORT', 'WARTA_TIMEZONE', 'WARTA_DATABASE_URL', 'WARTA_COOKIE_SECRET']) {
          assert.ok(
            error.problems.some((p) => p.startsWith(`Setting ${name} is invalid`)),
            name,
          );
        }
        return true;
      },
    );
  });

  it('reads WARTA_TRUST_PROXY as on/off or a list of proxies', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ WARTA_TRUST_PROXY: '1' }).trustProxy, true);
    assert.equal(loadConfig({ WARTA_TRUST_PROXY: '0' }).trustProxy, false);
    assert.equal(loadConfig({ WARTA_TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,::1' }).trustProxy, '10.0.0.0/8,192.0.2.7,::1');
    for (const bad of ['yes', '2', '10.0.0.0/40', 'proxy.example', '1.2.3.4/8/9']) {
      assert.throws(() => loadConfig({ WARTA_TRUST_PROXY: bad }), /Setting WARTA_TRUST_PROXY is invalid/, bad);
    }
  });

  it('rejects a port out of range and a non-http base URL', () => {
    assert.throws(() => loadConfig({ PORT: '70000' }), /Setting PORT is invalid/);
    assert.throws(() => loadConfig({ WARTA_BASE_URL: 'ftp://x' }), /Setting WARTA_BASE_URL is invalid/);
    assert.throws(() => loadConfig({ WARTA_DEMO: 'maybe' }), /Setting WARTA_DEMO is invalid/);
  });
});

describe('README', () => {
  it('documents every setting in its table', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of SETTING_NAMES) assert.match(readme, new RegExp(`^\\| \`${name}\` +\\|`, 'm'), name);
  });
});

describe('readEnvironment', () => {
  it('reads .env and lets real environment variables win', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-env-'));
    fs.writeFileSync(path.join(dir, '.env'), 'WARTA_TIMEZONE=Europe/Paris\nWARTA_TEST_ONLY_SETTING=from-file\n');
    const saved = process.env.WARTA_TEST_ONLY_SETTING;
    process.env.WARTA_TEST_ONLY_SETTING = 'from-env';
    try {
      const env = readEnvironment(dir);
      assert.equal(env.WARTA_TIMEZONE ?? '', process.env.WARTA_TIMEZONE ?? 'Europe/Paris');
      assert.equal(env.WARTA_TEST_ONLY_SETTING, 'from-env');
    } finally {
      if (saved === undefined) delete process.env.WARTA_TEST_ONLY_SETTING;
      else process.env.WARTA_TEST_ONLY_SETTING = saved;
      fs.rmSync(dir, { recursive: true });
    }
  });
});
