package za.co.proconnectsa.support.access;

import java.util.EnumMap;
import java.util.Map;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The standard {@link AccessPolicy} ({@link AccessPolicy#standard()}): who may do what, in one table.
 *
 * <pre>
 * permission          REQUESTER   AGENT   ADMIN
 * SUBMIT              yes         yes     yes
 * SUBMIT_ON_BEHALF    -           yes     yes
 * VIEW_TICKET         own         any     any
 * VIEW_INTERNAL       -           any     any
 * REPLY               own         any     any
 * ADD_INTERNAL_NOTE   -           any     any
 * RESOLVE             own         any     any
 * CHANGE_STATUS       -           any     any
 * ASSIGN              -           any     any
 * VIEW_QUEUE          -           yes     yes
 * WORK_CONVERSATIONS  -           yes     yes
 * MANAGE_AGENTS       -           -       yes
 * VIEW_ANALYTICS      -           yes     yes
 * MANAGE_DATA_SUBJECTS -          -       yes
 * RECORD_CONSENT      -           yes     yes
 * </pre>
 *
 * <p>"own" means the actor is the ticket's requester. A requester asking for a ticket that is not
 * theirs is told it does not exist ({@link za.co.proconnectsa.support.ticket.TicketNotFoundException}),
 * never that it is forbidden, so ticket numbers cannot be probed.
 */
public final class StandardAccessPolicy implements AccessPolicy {

    /** How far a role's right reaches. */
    public enum Scope {
        /** Not at all. */
        NONE,
        /** Only on tickets the actor requested. */
        OWN,
        /** On every ticket. */
        ANY
    }

    static final StandardAccessPolicy INSTANCE = new StandardAccessPolicy();

    private final Map<Permission, Map<Role, Scope>> table = new EnumMap<>(Permission.class);

    private StandardAccessPolicy() {
        row(Permission.SUBMIT, Scope.ANY, Scope.ANY, Scope.ANY);
        row(Permission.SUBMIT_ON_BEHALF, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.VIEW_TICKET, Scope.OWN, Scope.ANY, Scope.ANY);
        row(Permission.VIEW_INTERNAL, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.REPLY, Scope.OWN, Scope.ANY, Scope.ANY);
        row(Permission.ADD_INTERNAL_NOTE, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.RESOLVE, Scope.OWN, Scope.ANY, Scope.ANY);
        row(Permission.CHANGE_STATUS, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.ASSIGN, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.VIEW_QUEUE, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.WORK_CONVERSATIONS, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.MANAGE_AGENTS, Scope.NONE, Scope.NONE, Scope.ANY);
        row(Permission.VIEW_ANALYTICS, Scope.NONE, Scope.ANY, Scope.ANY);
        row(Permission.MANAGE_DATA_SUBJECTS, Scope.NONE, Scope.NONE, Scope.ANY);
        row(Permission.RECORD_CONSENT, Scope.NONE, Scope.ANY, Scope.ANY);
    }

    /**
     * @param role       a role
     * @param permission an operation
     * @return how far the role's right to the operation reaches
     * @throws za.co.proconnectsa.support.InvalidInputException when either is null
     */
    public Scope scope(Role role, Permission permission) {
        return table.get(Checks.notNull(permission, "permission")).get(Checks.notNull(role, "role"));
    }

    /**
     * @param actor      who acts
     * @param permission what they want to do
     * @param ticket     the ticket it concerns, or {@code null} for operations on no ticket
     * @return whether it is allowed
     */
    @Override
    public boolean permits(Actor actor, Permission permission, Ticket ticket) {
        return switch (scope(Checks.notNull(actor, "actor").role(), permission)) {
            case NONE -> false;
            case ANY -> true;
            case OWN -> ticket == null || ticket.isRequestedBy(actor);
        };
    }

    /**
     * Throws unless the operation is allowed, saying whether the right is limited to the actor's own tickets or
     * reserved for the support team.
     *
     * @param actor      who acts
     * @param permission what they want to do
     * @param ticket     the ticket it concerns, or {@code null}
     * @throws AccessDeniedException when it is not allowed
     */
    @Override
    public void check(Actor actor, Permission permission, Ticket ticket) {
        if (!permits(actor, permission, ticket)) {
            String detail = scope(actor.role(), permission) == Scope.OWN
                    ? "only on their own tickets"
                    : "this is reserved for the support team";
            throw new AccessDeniedException(actor.role(), permission, detail);
        }
    }

    private void row(Permission permission, Scope requester, Scope agent, Scope admin) {
        Map<Role, Scope> row = new EnumMap<>(Role.class);
        row.put(Role.REQUESTER, requester);
        row.put(Role.AGENT, agent);
        row.put(Role.ADMIN, admin);
        table.put(permission, row);
    }
}
