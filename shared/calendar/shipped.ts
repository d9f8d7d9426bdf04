// The official schedules bundled with the product (copies of holiday-cn, see holidays/SOURCE.md).
// JSON imports keep this module free of file-system access so it also runs in the browser.

import y2020 from './holidays/2020.json';
import y2021 from './holidays/2021.json';
import y2022 from './holidays/2022.json';
import y2023 from './holidays/2023.json';
import y2024 from './holidays/2024.json';
import y2025 from './holidays/2025.json';
import y2026 from './holidays/2026.json';
import { parseCalendarYear } from './parse';
import type { CalendarYear } from './types';

const SHIPPED_JSON: readonly unknown[] = [y2020, y2021, y2022, y2023, y2024, y2025, y2026];

let cache: readonly CalendarYear[] | undefined;

function freezeYear(year: CalendarYear): CalendarYear {
  year.days.forEach((day) => Object.freeze(day));
  Object.freeze(year.days);
  return Object.freeze(year);
}

/** The schedules shipped with the product (2020–2026), validated once and frozen so callers cannot corrupt the shared copy. */
export function shippedCalendarYears(): CalendarYear[] {
  // Parsing (not casting) the bundled files means a bad data update fails loudly at start-up.
  cache ??= SHIPPED_JSON.map((json) => freezeYear(parseCalendarYear(json)));
  return [...cache];
}
