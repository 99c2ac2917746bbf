package za.co.proconnectsa.support.access;

import za.co.proconnectsa.support.SupportException;

/** The actor may not do this. Nothing was written. */
public class AccessDeniedException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The role, as {@link #role()} returns it. */
    private final Role role;
    /** The permission, as {@link #permission()} returns it. */
    private final Permission permission;

    /**
     * @param role       the actor's role
     * @param permission what they tried to do
     * @param detail     why not, in a sentence
     */
    public AccessDeniedException(Role role, Permission permission, String detail) {
        super("A " + role.name().toLowerCase(java.util.Locale.ROOT) + " may not " + describe(permission) + ": " + detail);
        this.role = role;
        this.permission = permission;
    }

    /** @return the actor's role */
    public Role role() {
        return role;
    }

    /** @return what they tried to do */
    public Permission permission() {
        return permission;
    }

    private static String describe(Permission p) {
        return p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
