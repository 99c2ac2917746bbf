/**
 * Durable jobs: inbound webhook messages waiting to be applied and outbound messages waiting to be sent, kept in the
 * store ({@link za.co.proconnectsa.support.spi.WorkQueue}) and run by {@link za.co.proconnectsa.support.queue.JobWorker}s
 * at least once, with effects that count once.
 */
package za.co.proconnectsa.support.queue;
