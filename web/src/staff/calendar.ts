/** The working-day calendar in the browser, for "剩余N个工作日" countdowns (the server decides states). */
import { shippedCalendarYears, WorkingCalendar } from '../../../shared/calendar';

let calendar: WorkingCalendar | undefined;

/** Working days left until `due` after today (shipped holiday schedules; admin overrides are not applied here). */
export function workingDaysLeft(due: Date, now = new Date()): number {
  calendar ??= new WorkingCalendar(shippedCalendarYears());
  return calendar.workingDaysUntil(now, due);
}
