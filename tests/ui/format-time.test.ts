import { describe, expect, it } from 'vitest';
import { formatBeijingTime } from '../../src/ui/state/format-time';

describe('formatBeijingTime', () => {
  it('shows UTC timestamps in Beijing time', () => {
    expect(formatBeijingTime('2024-10-31T21:21:31.000Z')).toBe('2024-11-01 05:21 (UTC+8)');
    expect(formatBeijingTime('2024-10-01T00:00:00Z')).toBe('2024-10-01 08:00 (UTC+8)');
    expect(formatBeijingTime('2024-10-01T16:00:00Z')).toBe('2024-10-02 00:00 (UTC+8)');
  });
  it('leaves text that is not a date alone', () => {
    expect(formatBeijingTime('yesterday')).toBe('yesterday');
  });
});
