/**
 * Implementation details of {@code support-whatsapp}: phone-number parsing, percent-encoding and the PNG
 * writer. Not API: anything here may change in any release.
 */
package za.co.proconnectsa.support.whatsapp.internal;
