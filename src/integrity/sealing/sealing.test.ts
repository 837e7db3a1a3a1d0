// The reports' keys, sealing and receipt codes: what keeps a report unreadable without the key.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KEY_FILE, keyFromText, keyRing, loadKeyRing, newKeyText, NEXT_KEY_FILE } from './key-ring.ts';
import { isSealedUnderCurrent, open, openText, seal, SealError } from './seal.ts';
import { newReceiptCode, normalizeReceiptCode, receiptCodeHash } from './receipt-code.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'warta-integrity-key-'));

describe('the key ring', () => {
  it('creates the key file on first start with mode 0600, and reads the same key after', () => {
    const dir = tempDir();
    const first = loadKeyRing(undefined, dir);
    const file = path.join(dir, KEY_FILE);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url').length, 32);
    const again = loadKeyRing(undefined, dir);
    assert.deepEqual(again.current.id, first.current.id);
  });

  it('takes the configured key instead, and writes no file', () => {
    const dir = tempDir();
    const text = newKeyText();
    const ring = loadKeyRing(text, dir);
    assert.deepEqual(ring.current.secret, Buffer.from(text, 'base64url'));
    assert.equal(fs.existsSync(path.join(dir, KEY_FILE)), false);
  });

  it('refuses a key that is not 32 bytes, naming where it came from', () => {
    assert.throws(() => loadKeyRing('too-short', tempDir()), /WARTA_INTEGRITY_KEY must hold 32 random bytes/);
  });

  it('seals with a rotation’s new key while still opening values under the old one', () => {
    const dir = tempDir();
    const old = loadKeyRing(undefined, dir);
    const sealedBefore = seal(old, 'before the rotation', 'report:1:text');
    fs.writeFileSync(path.join(dir, NEXT_KEY_FILE), newKeyText() + '\n');
    const ring = loadKeyRing(undefined, dir);
    assert.notDeepEqual(ring.current.id, old.current.id, 'the new key seals');
    assert.equal(openText(ring, sealedBefore, 'report:1:text'), 'before the rotation');
    assert.equal(isSealedUnderCurrent(ring, sealedBefore), false);
    assert.equal(isSealedUnderCurrent(ring, seal(ring, 'after', 'report:1:text')), true);
  });
});

describe('sealing', () => {
  const ring = keyRing([keyFromText(newKeyText(), 'test')]);

  it('opens what it sealed, text and bytes, and never shows the plain text', () => {
    const phrase = 'Pak Budi took an envelope at the licensing desk';
    const sealed = seal(ring, phrase, 'report:7:text');
    assert.equal(sealed.includes(Buffer.from('envelope')), false);
    assert.equal(openText(ring, sealed, 'report:7:text'), phrase);
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    assert.deepEqual(open(ring, seal(ring, bytes, 'file:3'), 'file:3'), bytes);
  });

  it('gives a new nonce to every value: the same text seals differently each time', () => {
    assert.notDeepEqual(seal(ring, 'same', 'c'), seal(ring, 'same', 'c'));
  });

  it('refuses a value moved to another context, changed by a bit, or sealed under an unknown key', () => {
    const sealed = seal(ring, 'secret', 'report:1:text');
    assert.throws(() => open(ring, sealed, 'report:2:text'), SealError);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    assert.throws(() => open(ring, flipped, 'report:1:text'), SealError);
    const other = keyRing([keyFromText(newKeyText(), 'other')]);
    assert.throws(() => open(other, sealed, 'report:1:text'), /a key this site does not have/);
    assert.throws(() => open(ring, Buffer.from('plain text'), 'report:1:text'), /not a sealed value/);
  });
});

describe('receipt codes', () => {
  it('are 20 characters of Crockford base32 in five groups: 100 random bits', () => {
    const codes = new Set(Array.from({ length: 2000 }, newReceiptCode));
    assert.equal(codes.size, 2000);
    for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    // Every position uses the whole alphabet (no bits lost to a bias).
    const seen = new Set([...codes].map((c) => c[0]));
    assert.equal(seen.size, 32);
  });

  it('read back however they are typed, and refuse what cannot be a code', () => {
    const code = newReceiptCode();
    const canonical = code.replace(/-/g, '');
    assert.equal(normalizeReceiptCode(code), canonical);
    assert.equal(normalizeReceiptCode(` ${code.toLowerCase().replace(/-/g, ' ')} `), canonical);
    assert.equal(normalizeReceiptCode('O0IL-1111-2222-3333-4444'), '0011111122223333' + '4444');
    for (const bad of [
      '',
      'ABCD',
      `${canonical}X`,
      'UUUU-UUUU-UUUU-UUUU-UUUU',
      '\u0000'.repeat(20),
      'ÀÀÀÀ-ÀÀÀÀ-ÀÀÀÀ-ÀÀÀÀ-ÀÀÀÀ',
    ])
      assert.equal(normalizeReceiptCode(bad), undefined, JSON.stringify(bad));
  });

  it('are stored only as a hash that does not contain them', () => {
    const canonical = normalizeReceiptCode(newReceiptCode())!;
    const hash = receiptCodeHash(canonical);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hash.includes(canonical.toLowerCase()), false);
    assert.equal(receiptCodeHash(canonical), hash);
  });
});
