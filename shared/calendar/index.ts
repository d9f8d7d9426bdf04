// Working-day calendar (工作日日历) for appeal deadlines; shared by server and browser, so no
// runtime dependencies.

export { CalendarFormatError } from './types';
export type { CalendarDay, CalendarYear } from './types';
export { parseCalendarYear } from './parse';
export { shippedCalendarYears } from './shipped';
export { MAX_WORKING_DAYS, WorkingCalendar } from './working-calendar';
