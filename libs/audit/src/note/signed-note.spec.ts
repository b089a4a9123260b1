import { generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint, parseCheckpoint } from './checkpoint-note';
import { formatVerifierKey, openNote, parseVerifierKey, signNote, verifierOf } from './signed-note';

// The example of c2sp.org/signed-note ("Verifier keys", Example).
const C2SP_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE =
  'This is an example message.\n\n' +
  '\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

const signer = (name: string) => ({ name, ...generateKeyPairSync('ed25519') });

describe('signed notes', () => {
  it('verifies the published example with its verifier key', () => {
    const opened = openNote(C2SP_NOTE, parseVerifierKey(C2SP_VKEY));
    expect(opened).toEqual({ ok: true, text: 'This is an example message.\n' });
    expect(
      openNote(
        C2SP_NOTE.replace('example message', 'example massage'),
        parseVerifierKey(C2SP_VKEY),
      ),
    ).toEqual({ ok: false, reason: 'the signature of example.com/foo does not verify' });
  });

  it('round-trips our own key and refuses a note signed by another key of the same name', () => {
    const ours = signer('gongjian.test/audit');
    const note = signNote('hello\n', ours);
    const vkey = formatVerifierKey(verifierOf(ours));
    expect(openNote(note, parseVerifierKey(vkey))).toEqual({ ok: true, text: 'hello\n' });
    const impostor = signNote('hello\n', signer('gongjian.test/audit'));
    expect(openNote(impostor, verifierOf(ours))).toEqual({
      ok: false,
      reason: 'no signature by gongjian.test/audit',
    });
  });

  it('refuses a second spelling of the same signature (unused bits of the last base64 digit)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    // "…aQM=": M carries 4 bits of the signature and 2 unused ones; N differs only in those.
    const respelled = C2SP_NOTE.replace('aQM=', `aQ${alphabet[alphabet.indexOf('M') ^ 1]}=`);
    expect(respelled).not.toBe(C2SP_NOTE);
    expect(Buffer.from('aQN=', 'base64')).toEqual(Buffer.from('aQM=', 'base64'));
    expect(openNote(respelled, parseVerifierKey(C2SP_VKEY))).toMatchObject({ ok: false });
  });

  it('refuses a verifier key whose id does not match', () => {
    expect(() => parseVerifierKey(C2SP_VKEY.replace('530d903a', '530d903b'))).toThrow(
      /does not match/,
    );
  });
});

describe('checkpoint notes', () => {
  it('formats and parses origin, size, root and signing time', () => {
    const checkpoint = {
      origin: 'gongjian.test/log',
      treeSize: 20852163,
      rootHash: Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64'),
      signedAt: '2026-12-01T02:00:00.000Z',
    };
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe(
      'gongjian.test/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\ntime 2026-12-01T02:00:00.000Z\n',
    );
    expect(parseCheckpoint(text)).toEqual(checkpoint);
    expect(() => parseCheckpoint(text.replace('20852163', '020852163'))).toThrow(/tree size/);
  });
});
