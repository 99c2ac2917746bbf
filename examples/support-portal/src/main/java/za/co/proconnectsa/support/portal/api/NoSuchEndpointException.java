package za.co.proconnectsa.support.portal.api;

import za.co.proconnectsa.support.SupportException;

/** A call to an address under {@code /api} that the API does not have. */
public class NoSuchEndpointException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** @param call the method and path asked for */
    public NoSuchEndpointException(String call) {
        super("No such API endpoint: " + call);
    }
}
