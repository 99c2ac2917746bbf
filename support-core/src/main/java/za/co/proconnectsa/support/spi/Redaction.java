package za.co.proconnectsa.support.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.internal.Fingerprints;
import za.co.proconnectsa.support.privacy.Correction;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * How {@link DataSubjectStore#redact} rewrites the records of one person. A store selects the records linked to the
 * subject ({@link #requesterIds()}, {@link #contacts()}) and passes each field through the method for its kind; the
 * rules themselves live here, so every store applies them alike:
 * <ul>
 *   <li>a requester id, actor id or author id of the subject: {@link #requesterId};</li>
 *   <li>a WhatsApp contact of the subject (conversation, transcript line, consent line): {@link #contact};</li>
 *   <li>the name shown for the subject (author, actor, contact name): {@link #name};</li>
 *   <li>text the subject wrote (ticket subject and description, their messages and transcript lines, names of files
 *       they attached): {@link #authored};</li>
 *   <li>any other text of their records (agents' replies, audit values, reasons): {@link #text};</li>
 *   <li>a ticket's fingerprint, after its subject and body are rewritten: {@link #fingerprint}.</li>
 * </ul>
 */
public final class Redaction {

    /** The placeholder of erased text and names. */
    public static final String ERASED = "[erased]";

    private enum Mode { ERASE, ANONYMISE, CORRECT }

    private record Rule(Pattern pattern, String replacement) {
    }

    private final Mode mode;
    private final DataSubject subject;
    private final String pseudonym;
    private final List<Rule> rules;
    private final Set<String> jobKeys;

    private Redaction(Mode mode, DataSubject subject, String pseudonym, List<Rule> rules, Set<String> jobKeys) {
        this.mode = mode;
        this.subject = subject;
        this.pseudonym = pseudonym;
        this.rules = List.copyOf(rules);
        this.jobKeys = Set.copyOf(jobKeys);
    }

    /**
     * @param subject   the person, with every id and contact linked to them
     * @param pseudonym the identifier their ids and contacts become
     * @param jobKeys   keys of jobs holding their raw messages, to empty ({@link DataSubjectStore#emptyJobs})
     * @return an erasure: their own text and names become {@value #ERASED}
     */
    public static Redaction erase(DataSubject subject, String pseudonym, Set<String> jobKeys) {
        return new Redaction(Mode.ERASE, subject, checkPseudonym(pseudonym), personalRules(subject), jobKeys);
    }

    /**
     * @param subject   the person, with every id and contact linked to them
     * @param pseudonym the identifier their ids and contacts become
     * @param jobKeys   keys of jobs holding their raw messages, to empty ({@link DataSubjectStore#emptyJobs})
     * @return an anonymisation: their names become {@value #ERASED}, their text is kept with personal values replaced
     */
    public static Redaction anonymise(DataSubject subject, String pseudonym, Set<String> jobKeys) {
        return new Redaction(Mode.ANONYMISE, subject, checkPseudonym(pseudonym), personalRules(subject), jobKeys);
    }

    /**
     * @param subject    the person, with every id and contact linked to them
     * @param correction the values to correct
     * @return a correction: ids and contacts stay, every old value becomes its new value
     */
    public static Redaction correct(DataSubject subject, Correction correction) {
        List<Rule> rules = new ArrayList<>();
        correction.replacements().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> rules.add(new Rule(Pattern.compile(Pattern.quote(e.getKey()),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), Matcher.quoteReplacement(e.getValue()))));
        return new Redaction(Mode.CORRECT, subject, null, rules, Set.of());
    }

    private static String checkPseudonym(String pseudonym) {
        if (Text.identifier(pseudonym, "pseudonym").length() > 100) {
            throw za.co.proconnectsa.support.InvalidInputException.of("pseudonym", "must be 1 to 100 characters");
        }
        return pseudonym;
    }

    private static List<Rule> personalRules(DataSubject subject) {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        List<Rule> rules = new ArrayList<>();
        for (String email : subject.emails()) {
            rules.add(new Rule(Pattern.compile(Pattern.quote(email), flags), "[e-mail]"));
        }
        for (String phone : subject.phones()) {
            rules.add(new Rule(phonePattern(phone), "[phone]"));
            if (phone.startsWith("27") && phone.length() == 11) {
                // the South African national form: 082 123 4567
                rules.add(new Rule(phonePattern("0" + phone.substring(2)), "[phone]"));
            }
        }
        List<String> names = new ArrayList<>(subject.names());
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : names) {
            rules.add(new Rule(Pattern.compile(Pattern.quote(name.strip()), flags), "[name]"));
        }
        for (String name : names) {
            for (String part : name.strip().split("[\\s,]+")) {
                if (part.codePointCount(0, part.length()) >= 2) {
                    rules.add(new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part)
                            + "(?![\\p{L}\\p{N}])", flags), "[name]"));
                }
            }
        }
        return rules;
    }

    /** The digits with any spaces, dashes, dots or brackets between them, and an optional '+' before. */
    private static Pattern phonePattern(String digits) {
        StringBuilder regex = new StringBuilder("(?<![0-9])\\+?");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                regex.append("[\\s\\-.()]*");
            }
            regex.append(digits.charAt(i));
        }
        return Pattern.compile(regex.append("(?![0-9])").toString());
    }

    /** @return the subject's requester ids: records filed under them are theirs */
    public Set<String> requesterIds() {
        return subject.requesterIds();
    }

    /** @return the subject's WhatsApp contacts: conversations, lines and consent of them are theirs */
    public Set<String> contacts() {
        return subject.contacts();
    }

    /**
     * @param idOrContact a requester, actor or author id, or a contact
     * @return whether it is one of the subject's
     */
    public boolean isSubject(String idOrContact) {
        return idOrContact != null
                && (subject.requesterIds().contains(idOrContact) || subject.contacts().contains(idOrContact));
    }

    /** @return whether the subject's ids and contacts are replaced by a pseudonym (erasure and anonymisation) */
    public boolean pseudonymises() {
        return pseudonym != null;
    }

    /**
     * @param id a requester, actor or author id
     * @return the id to keep: the pseudonym for one of the subject's, else the id
     */
    public String requesterId(String id) {
        return pseudonym != null && isSubject(id) ? pseudonym : id;
    }

    /**
     * @param contact a WhatsApp contact
     * @return the contact to keep: the pseudonym for one of the subject's, else the contact
     */
    public String contact(String contact) {
        return requesterId(contact);
    }

    /**
     * @param name the name shown for the subject, or {@code null}
     * @return the name to keep
     */
    public String name(String name) {
        if (name == null) {
            return null;
        }
        return mode == Mode.CORRECT ? text(name) : ERASED;
    }

    /**
     * @param value text the subject wrote, or {@code null}
     * @return the text to keep: {@value #ERASED} on an erasure, else with personal values replaced
     */
    public String authored(String value) {
        if (value == null) {
            return null;
        }
        return mode == Mode.ERASE ? ERASED : text(value);
    }

    /**
     * @param value any other text of the subject's records, or {@code null}
     * @return the text with the subject's names, phone numbers and e-mail addresses replaced (or corrected)
     */
    public String text(String value) {
        if (value == null) {
            return null;
        }
        String out = value;
        for (Rule rule : rules) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        return out;
    }

    /**
     * @param subject a ticket's rewritten subject
     * @param body    its rewritten body
     * @return its fingerprint
     */
    public String fingerprint(String subject, String body) {
        return Fingerprints.of(Checks.notNull(subject, "subject"), Checks.notNull(body, "body"));
    }

    /** @return keys of jobs to drop: queued or finished work holding the subject's raw messages */
    public Set<String> jobKeys() {
        return jobKeys;
    }
}
