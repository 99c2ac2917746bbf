/** Internals of the Cloud API client: JSON payloads, response parsing, backoff and input checks. Not API. */
package za.co.proconnectsa.support.whatsapp.cloud.internal;
