package za.co.proconnectsa.support.analytics;

import za.co.proconnectsa.support.internal.Checks;

/**
 * A key and how many times it occurred: a category, a channel, a word or a phrase.
 *
 * @param key   what was counted
 * @param count how many
 */
public record CountOf(String key, long count) {

    /**
     * Checks the key.
     *
     * @param key what was counted
     * @param count how many
     */
    public CountOf {
        Checks.notNull(key, "key");
    }
}
