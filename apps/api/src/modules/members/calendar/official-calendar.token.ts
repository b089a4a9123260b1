/** The official working-day calendar (OfficialCalendar) the members module counts notices on. */
export const OFFICIAL_CALENDAR = Symbol.for('gongjian.OfficialCalendar');
