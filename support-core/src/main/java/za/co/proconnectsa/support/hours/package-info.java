/**
 * Business hours: when support is open ({@link za.co.proconnectsa.support.hours.BusinessHours}),
 * holiday calendars ({@link za.co.proconnectsa.support.hours.HolidayCalendar}) and the South African
 * public holidays ({@link za.co.proconnectsa.support.hours.SouthAfricanHolidays}).
 *
 * <p>Everything here is immutable and thread-safe, depends only on the JDK, and throws only
 * {@link za.co.proconnectsa.support.SupportException} and its subclasses (bad input:
 * {@link za.co.proconnectsa.support.InvalidInputException} naming the argument).
 */
package za.co.proconnectsa.support.hours;
