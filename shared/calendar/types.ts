// Public data types of the working-day calendar, in holiday-cn's format so admin uploads of
// upstream files need no conversion.

/** One listed day of a holiday year, in holiday-cn's format. isOffDay=false means a 调休 make-up workday. */
export interface CalendarDay {
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  isOffDay: boolean;
  name: string;
}

/** A year's official schedule. */
export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

/** Thrown by parseCalendarYear; the message names the offending field or entry. */
export class CalendarFormatError extends Error {
  override name = 'CalendarFormatError';
}
