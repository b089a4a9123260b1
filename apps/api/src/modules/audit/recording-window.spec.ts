import { recordingBound } from './recording-window';

describe('the recording window of audit queries', () => {
  it('takes a date alone as the whole day in Beijing time', () => {
    expect(recordingBound('2026-12-03', 'from')).toBe('2026-12-02T16:00:00.000Z');
    expect(recordingBound('2026-12-03', 'to')).toBe('2026-12-03T16:00:00.000Z');
    expect(recordingBound('2026-12-31', 'to')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('takes an instant as given, in the form recorded instants are stored', () => {
    expect(recordingBound('2026-12-03T08:00:00+08:00', 'to')).toBe('2026-12-03T00:00:00.000Z');
    expect(recordingBound('2026-12-03T00:00:00Z', 'from')).toBe('2026-12-03T00:00:00.000Z');
  });
});
