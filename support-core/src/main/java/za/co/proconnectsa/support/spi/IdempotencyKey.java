package za.co.proconnectsa.support.spi;

import java.util.Objects;

/**
 * An idempotency key in its scope: the same key from two requesters is two keys.
 *
 * @param scope the requester's id
 * @param key   the host's key
 */
public record IdempotencyKey(String scope, String key) {

    /** Checks the components. */
    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
    }
}
