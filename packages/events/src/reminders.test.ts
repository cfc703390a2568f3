import { reminderIsDue } from './reminders';

describe('reminderIsDue', () => {
  const startsAt = new Date('2026-12-10T17:00:00Z');
  const event = { startsAt, reminderOffsetsMinutes: [1440] };
  const at = startsAt.getTime() - 1440 * 60_000;

  it('is due at its time for someone confirmed before it', () => {
    expect(reminderIsDue(event, 1440, new Date(at - 1000), at)).toBe(true);
  });
  it('never for someone who registered after the reminder time', () => {
    expect(reminderIsDue(event, 1440, new Date(at + 1000), at + 2000)).toBe(false);
  });
  it('not when the event moved later (the job fired too early) or the offset was removed', () => {
    expect(
      reminderIsDue({ ...event, startsAt: new Date(startsAt.getTime() + 86_400_000) }, 1440, new Date(0), at),
    ).toBe(false);
    expect(reminderIsDue({ ...event, reminderOffsetsMinutes: [60] }, 1440, new Date(0), at)).toBe(false);
  });
  it('not after the start', () => {
    expect(reminderIsDue(event, 1440, new Date(0), startsAt.getTime())).toBe(false);
  });
});
