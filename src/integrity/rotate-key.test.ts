// Key rotation on both engines: after `rotate-key` every report, message, attachment and evidence
// file opens with the new key alone, the old key opens none of them, a rotation that stopped
// halfway is finished by running it again, and a site whose key is in the settings rotates to the
// key the operator gives.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/newsroom.ts';
import type { WriteContext } from '../core/events/index.ts';
import { pdf } from './evidence/test-fixtures.ts';
import { addReporterMessage, findByCode, submitReport } from './reports/commands.ts';
import { openAttachment, openReport, replyToReporter } from './reports/officer.ts';
import type { ReportVault } from './reports/records.ts';
import { rotateIntegrityKey, RotationRefused } from './rotate-key.ts';
import { KEY_FILE, keyFromText, keyRing, loadKeyRing, newKeyText, NEXT_KEY_FILE } from './sealing/key-ring.ts';
import { SealError } from './sealing/seal.ts';

const PHRASE = 'rotation keeps the words of the report readable';
const EVIDENCE = 'the evidence file is sealed again as well';

describe('warta integrity rotate-key', () => {
  let t: TestApp;
  let officer: WriteContext;

  before(async () => {
    t = await createTestApp();
    officer = { ...t.app.ctx.writer, actorId: (await signedIn(t, 'integrity_officer')).user.id };
  });
  after(() => t.close());

  /** A report with an attachment, a reporter message and a reply, sealed under the vault's key. */
  async function makeReport(vault: ReportVault) {
    const { receiptCode, publicId } = await submitReport(t.app.ctx.writer, vault, {
      edition: 'en',
      form: { kind: 'complaint', what: PHRASE, when: 'Tuesday', where: 'Front desk', who: 'A clerk' },
      files: [{ name: 'evidence.pdf', bytes: pdf(EVIDENCE) }],
    });
    await addReporterMessage(t.app.ctx.writer, vault, receiptCode, { text: 'One more detail', files: [] });
    await replyToReporter(officer, vault, publicId, 'Thank you, we are looking into it.');
    return { receiptCode, publicId };
  }

  /** Opens everything of a report with a vault, as the reporter and the officer read it. */
  async function readAll(vault: ReportVault, r: { receiptCode: string; publicId: string }) {
    const view = await findByCode(t.db, vault, r.receiptCode);
    const opened = await openReport(officer, vault, r.publicId);
    assert.ok(view && opened);
    const attachment = opened.attachments[0]!;
    const file = await openAttachment(officer, vault, r.publicId, attachment.id);
    return { view, opened, file };
  }

  it('seals everything again under a new key file and retires the old key', async () => {
    const dataDir = t.config.dataDir;
    const oldRing = loadKeyRing(undefined, dataDir);
    const report = await makeReport({ ring: oldRing, dataDir });
    const oldKeyText = fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8');

    const rotation = await rotateIntegrityKey({ integrityKey: undefined, dataDir }, t.db, undefined);
    assert.ok(rotation.counts.reports >= 1 && rotation.counts.messages >= 2, JSON.stringify(rotation.counts));
    assert.ok(rotation.counts.attachments >= 1 && rotation.counts.files >= 1, JSON.stringify(rotation.counts));
    assert.match(rotation.advice.join(' '), /integrity-key.*Back the new key up apart/);
    assert.notEqual(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8'), oldKeyText);
    assert.equal(fs.existsSync(path.join(dataDir, NEXT_KEY_FILE)), false);
    assert.equal((fs.statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toString(8), '600');

    // The new key alone opens it all…
    const newRing = loadKeyRing(undefined, dataDir);
    const { view, opened, file } = await readAll({ ring: newRing, dataDir }, report);
    assert.equal(view.status, 'received');
    assert.match(JSON.stringify(opened), new RegExp(PHRASE));
    assert.ok(file && file.bytes.includes(Buffer.from(EVIDENCE)));
    // …and the old one opens nothing any more.
    const onlyOld = keyRing([keyFromText(oldKeyText, 'old key')]);
    await assert.rejects(readAll({ ring: onlyOld, dataDir }, report), SealError);

    // Nothing left to do: a second rotation seals everything again, under yet another key.
    const again = await rotateIntegrityKey({ integrityKey: undefined, dataDir }, t.db, undefined);
    assert.ok(again.counts.reports >= 1);
    await readAll({ ring: loadKeyRing(undefined, dataDir), dataDir }, report);
  });

  it('finishes a rotation that stopped halfway, with the new key it had written', async () => {
    const dataDir = t.config.dataDir;
    const report = await makeReport({ ring: loadKeyRing(undefined, dataDir), dataDir });
    // As if a rotation died after writing its key: the ring reads it in front of the old one, and
    // values sealed meanwhile (this report) are under the new key, the rest under the old.
    const next = newKeyText();
    fs.writeFileSync(path.join(dataDir, NEXT_KEY_FILE), next + '\n', { mode: 0o600 });
    const halfway = await makeReport({ ring: loadKeyRing(undefined, dataDir), dataDir });
    await rotateIntegrityKey({ integrityKey: undefined, dataDir }, t.db, undefined);
    assert.equal(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8').trim(), next);
    const ring = keyRing([keyFromText(next, 'new key')]);
    await readAll({ ring, dataDir }, report);
    await readAll({ ring, dataDir }, halfway);
  });

  it('rotates a key kept in the settings to the one the operator gives, and refuses without it', async () => {
    const dataDir = t.config.dataDir;
    const configured = newKeyText();
    const configuredRing = keyRing([keyFromText(configured, 'configured')]);
    // Values under the file key (earlier tests) come along only if the ring has it: the setting
    // replaces the file, so this site starts from the configured key alone.
    await t.db.deleteFrom('integrity_attachments').execute();
    await t.db.deleteFrom('integrity_messages').execute();
    await t.db.deleteFrom('integrity_reports').execute();
    const report = await makeReport({ ring: configuredRing, dataDir });

    await assert.rejects(
      rotateIntegrityKey({ integrityKey: configured, dataDir }, t.db, undefined),
      (e: unknown) => e instanceof RotationRefused && /WARTA_INTEGRITY_NEW_KEY/.test(e.message),
    );
    await assert.rejects(
      rotateIntegrityKey({ integrityKey: configured, dataDir }, t.db, configured),
      /is the current key/,
    );
    await readAll({ ring: configuredRing, dataDir }, report);

    const fresh = newKeyText();
    const rotation = await rotateIntegrityKey({ integrityKey: configured, dataDir }, t.db, fresh);
    assert.match(rotation.advice.join(' '), /set WARTA_INTEGRITY_KEY to the value of WARTA_INTEGRITY_NEW_KEY/);
    await readAll({ ring: keyRing([keyFromText(fresh, 'new')]), dataDir }, report);
    await assert.rejects(readAll({ ring: configuredRing, dataDir }, report), SealError);
  });
});
