import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const REFUSED = /^AUDIT_SIGNING_KEY: a key development generated .* is refused in production/;

describe('loadAuditSigner and development keys', () => {
  let dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongjian-signing-key-'));
    dirs.push(dir);
    return dir;
  };
  const development = (dir: string) => ({
    auditLogOrigin: 'gongjian.test/log',
    production: false,
    dataDir: dir,
  });
  const production = (dir: string, auditSigningKey: string) => ({
    ...development(dir),
    production: true,
    auditSigningKey,
  });
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  it('refuses in production the key development generated, wherever it was copied to', () => {
    const dev = dataDir();
    loadAuditSigner(development(dev));
    const generated = readFileSync(join(dev, DEV_SIGNING_KEY_FILE), 'utf8');

    const elsewhere = dataDir();
    expect(() => loadAuditSigner(production(elsewhere, generated.trim()))).toThrow(REFUSED);
    expect(() => loadAuditSigner(production(elsewhere, generated))).toThrow(REFUSED);
  });

  it('refuses in production an earlier, unmarked development key kept in DATA_DIR', () => {
    const dir = dataDir();
    const earlier = randomBytes(32).toString('base64');
    writeFileSync(join(dir, DEV_SIGNING_KEY_FILE), `${earlier}\n`, { mode: 0o600 });

    expect(() => loadAuditSigner(production(dir, earlier))).toThrow(REFUSED);
  });

  it('takes in production a key of its own, beside a development key file', () => {
    const dir = dataDir();
    loadAuditSigner(development(dir));
    const own = randomBytes(32).toString('base64');

    expect(() => loadAuditSigner(production(dir, own))).not.toThrow();
  });

  it('keeps an existing unmarked development key file working in development', () => {
    const dir = dataDir();
    const file = join(dir, DEV_SIGNING_KEY_FILE);
    const earlier = `${randomBytes(32).toString('base64')}\n`;
    writeFileSync(file, earlier, { mode: 0o600 });
    const configured = verifierOf(
      loadAuditSigner({ ...development(dataDir()), auditSigningKey: earlier.trim() }),
    );

    const loaded = verifierOf(loadAuditSigner(development(dir)));

    expect(formatVerifierKey(loaded)).toBe(formatVerifierKey(configured));
    expect(readFileSync(file, 'utf8')).toBe(earlier);
  });
});
