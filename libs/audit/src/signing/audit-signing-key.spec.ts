import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatVerifierKey, openNote, signNote, verifierOf } from '../note/signed-note';
import { DEV_SIGNING_KEY_FILE, loadAuditSigner } from './audit-signing-key';

describe('loadAuditSigner', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongjian-audit-key-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const base = { auditLogOrigin: 'gongjian.test/log', production: false, dataDir };

  it('uses the configured seed, so the same key signs after a restart', () => {
    const seed = Buffer.alloc(32, 7).toString('base64');
    const a = loadAuditSigner({ ...base, auditSigningKey: seed });
    const b = loadAuditSigner({ ...base, auditSigningKey: seed });
    expect(formatVerifierKey(verifierOf(a))).toBe(formatVerifierKey(verifierOf(b)));
    expect(openNote(signNote('x\n', a), verifierOf(b))).toEqual({ ok: true, text: 'x\n' });
  });

  it('refuses a missing key in production and a malformed one anywhere', () => {
    expect(() => loadAuditSigner({ ...base, production: true })).toThrow(/^AUDIT_SIGNING_KEY: /);
    expect(() => loadAuditSigner({ ...base, auditSigningKey: 'c2hvcnQ=' })).toThrow(
      /^AUDIT_SIGNING_KEY: /,
    );
  });

  it('generates a development key into DATA_DIR once', () => {
    const first = formatVerifierKey(verifierOf(loadAuditSigner(base)));
    const stored = readFileSync(join(dataDir, DEV_SIGNING_KEY_FILE), 'utf8');
    expect(formatVerifierKey(verifierOf(loadAuditSigner(base)))).toBe(first);
    expect(readFileSync(join(dataDir, DEV_SIGNING_KEY_FILE), 'utf8')).toBe(stored);
  });
});
