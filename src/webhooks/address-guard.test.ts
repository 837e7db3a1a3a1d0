// Which addresses a webhook may be sent to: every private, loopback and reserved range refused
// in IPv4 and IPv6 (IPv4-mapped forms too), the site's own host refused, odd spellings of
// loopback normalised by the URL parser before the check, and the operator's switch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { destinationProblem, isPublicAddress } from './address-guard.ts';

const rules = { allowPrivate: false, ownHosts: ['warta.test'] };

describe('isPublicAddress', () => {
  it('refuses private, loopback, link-local, shared, reserved and multicast addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::7f00:1',
      '2001:db8::1',
      'not an address',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('allows public addresses', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });
});

describe('destinationProblem', () => {
  it('refuses loopback however it is spelled, private networks and this site', async () => {
    for (const url of [
      'http://127.0.0.1/hook',
      'http://2130706433/hook',
      'http://0x7f.1/hook',
      'http://[::1]:8080/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:3000/hook',
      'https://warta.test/api',
      'https://WARTA.test./api',
    ]) {
      assert.ok(await destinationProblem(url, rules), url);
    }
  });

  it('refuses other schemes, credentials and names that do not resolve', async () => {
    assert.match((await destinationProblem('ftp://93.184.216.34/x', rules))!, /https:\/\/ or http:\/\//);
    assert.match((await destinationProblem('file:///etc/passwd', rules))!, /https:\/\/ or http:\/\//);
    assert.match((await destinationProblem('https://user:pw@93.184.216.34/', rules))!, /user name or password/);
    assert.match((await destinationProblem('not a url', rules))!, /not a valid URL/);
    assert.match((await destinationProblem('https://no-such-host.invalid/', rules))!, /does not resolve/);
  });

  it('allows a public address, and anything when the operator allows private ones', async () => {
    assert.equal(await destinationProblem('https://93.184.216.34/hook', rules), undefined);
    assert.equal(await destinationProblem('http://127.0.0.1:9/hook', { ...rules, allowPrivate: true }), undefined);
  });
});
