/**
 * Queue assignment: who gets a new ticket. Agents are kept in the store's roster ({@link Agent}: presence,
 * capacity, the categories they handle); an {@link AssignmentStrategy} picks among the agents who are AVAILABLE and
 * below their capacity; {@link AssignmentService} ({@code desk.assignment()}) manages the roster and assigns.
 * Stores keep the roster through {@link za.co.proconnectsa.support.spi.AgentRoster}.
 */
package za.co.proconnectsa.support.assignment;
