package za.co.proconnectsa.support.spi;

import za.co.proconnectsa.support.util.Checks;

/**
 * An idempotency key in its scope: the same key from two requesters is two keys.
 *
 * @param scope the requester's id
 * @param key   the host's key
 */
public record IdempotencyKey(String scope, String key) {

    /** Checks the components. */
    public IdempotencyKey {
        Checks.notNull(scope, "scope");
        Checks.notNull(key, "key");
    }
}
