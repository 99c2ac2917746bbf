package za.co.proconnectsa.support.spi;

import za.co.proconnectsa.support.internal.Text;

/**
 * An idempotency key in its scope: the same key from two requesters is two keys. Both parts are identifiers
 * ({@link za.co.proconnectsa.support.TextRules}): 1 to 200 printable ASCII characters without spaces, compared exactly, so two keys that differ
 * only in case are two keys on every store.
 *
 * @param scope the requester's id
 * @param key   the host's key
 */
public record IdempotencyKey(String scope, String key) {

    /**
     * Checks the components.
     *
     * @param scope the requester's id
     * @param key the host's key
     * @throws za.co.proconnectsa.support.InvalidInputException when a part is not an identifier
     */
    public IdempotencyKey {
        Text.identifier(scope, "scope");
        Text.identifier(key, "idempotencyKey");
    }
}
