package za.co.proconnectsa.support.portal.security;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.access.Role;

/**
 * The demo portal's four users (two providers, an agent, an admin) and their passwords: one configured password,
 * or a random one each, made at start-up and shown once on the console.
 */
public final class DemoUsers {

    /** The users, in the order the start-up message lists them. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("thandi", "Thandi Nkosi", Role.REQUESTER, "thandi.nkosi@example.co.za"),
            new DemoUser("pieter", "Pieter van Wyk", Role.REQUESTER, "pieter.vanwyk@example.co.za"),
            new DemoUser("sipho", "Sipho (Support)", Role.AGENT, null),
            new DemoUser("lerato", "Lerato (Lead)", Role.ADMIN, null));

    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    private final Map<String, String> passwords = new LinkedHashMap<>();

    /**
     * @param fixedPassword the password for every user, or empty for a random one each
     */
    public DemoUsers(String fixedPassword) {
        SecureRandom random = new SecureRandom();
        for (DemoUser user : ALL) {
            passwords.put(user.username(), fixedPassword.isEmpty() ? randomPassword(random) : fixedPassword);
        }
    }

    /** @return the users' passwords by username, in the order of {@link #ALL} */
    public Map<String, String> passwords() {
        return java.util.Collections.unmodifiableMap(passwords);
    }

    /**
     * @param username a login name
     * @return the demo user with that name
     */
    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** @param username a login name @return that user's password */
    String password(String username) {
        return passwords.get(username);
    }

    private static String randomPassword(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
