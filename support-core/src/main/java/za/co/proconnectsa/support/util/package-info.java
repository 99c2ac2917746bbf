/**
 * Small helpers the SDK's own modules share and host extensions may use too: argument checks that fail
 * with {@link za.co.proconnectsa.support.InvalidInputException}, and phone-number masking for logs.
 */
package za.co.proconnectsa.support.util;
