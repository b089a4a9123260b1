import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { holderIsGoneFromThisHost, leaseHolderName } from './lease-holder';

const exitedChildPid = () =>
  new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.once('error', reject);
    child.once('exit', () => resolve(child.pid!));
  });

describe('lease holders', () => {
  it('names this process by host and pid, with a suffix that differs per engine', () => {
    const [a, b] = [leaseHolderName(), leaseHolderName()];
    expect(a.startsWith(`${hostname()}:${process.pid}:`)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('a holder whose process has exited on this host is gone', async () => {
    const pid = await exitedChildPid();
    expect(holderIsGoneFromThisHost(`${hostname()}:${pid}:abcd1234`)).toBe(true);
  });

  it('this process, a live process, another host or a name it cannot read are not gone', async () => {
    const pid = await exitedChildPid();
    expect(holderIsGoneFromThisHost(leaseHolderName())).toBe(false);
    expect(holderIsGoneFromThisHost(`${hostname()}:${process.ppid}:abcd1234`)).toBe(false);
    expect(holderIsGoneFromThisHost(`another-${hostname()}:${pid}:abcd1234`)).toBe(false);
    expect(holderIsGoneFromThisHost('engine-a')).toBe(false);
    expect(holderIsGoneFromThisHost(`${hostname()}:-3:abcd1234`)).toBe(false);
  });
});
