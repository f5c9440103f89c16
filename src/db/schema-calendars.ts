import type { ColumnType } from 'kysely';

/** Kysely's view of migration 0005 (working-time calendars); part of DB in schema.ts. */
export interface CalendarTables {
  unit_calendars: UnitCalendarsTable;
}

export interface UnitCalendarsTable {
  unit_id: string;
  time_zone: string;
  /** {"mon": [["09:00", "18:00"]], …}; checked by domain/calendar/calendar.ts */
  week: ColumnType<Record<string, Array<[string, string]>>, string, string>;
  holidays: ColumnType<Array<{ date: string; name: string }>, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
