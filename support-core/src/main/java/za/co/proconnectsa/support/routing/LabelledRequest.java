package za.co.proconnectsa.support.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.Category;

/**
 * One request as a person labelled it: where it should have gone and what it is about. The examples a
 * {@link RequestClassifier} learns from, and the yardstick a {@link RoutingEvaluation} measures against.
 *
 * <p>The text form, one example a line, is tab-separated: {@code CHANNEL<TAB>CATEGORY<TAB>text}; blank lines
 * and lines starting with {@code #} are ignored. The corpus behind {@link RequestClassifier#standard()} is in
 * this form ({@link #standardCorpus()}; its labelling guide is {@code docs/routing-classifier.md}).
 *
 * @param channel  where the request should go
 * @param category what it is about
 * @param text     what the person wrote, not blank
 */
public record LabelledRequest(Channel channel, Category category, String text) {

    private static final String STANDARD_CORPUS = "routing-corpus.tsv";

    /**
     * Checks the components.
     *
     * @param channel where the request should go
     * @param category what it is about
     * @param text what the person wrote, not blank
     * @throws InvalidInputException when a component is missing or the text is blank
     */
    public LabelledRequest {
        if (channel == null) {
            throw InvalidInputException.of("channel", "must be WHATSAPP or TICKET");
        }
        if (category == null) {
            throw InvalidInputException.of("category", "must not be null");
        }
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("text", "must not be blank");
        }
    }

    /**
     * @param channel  where the request should go
     * @param category what it is about
     * @param text     what the person wrote
     * @return the example
     */
    public static LabelledRequest of(Channel channel, Category category, String text) {
        return new LabelledRequest(channel, category, text);
    }

    /**
     * Reads examples in the tab-separated form. Every bad line is reported, with its line number.
     *
     * @param tsv the lines; read to the end, not closed
     * @return the examples, in file order
     * @throws InvalidInputException listing each line that is not {@code CHANNEL<TAB>CATEGORY<TAB>text}
     */
    public static List<LabelledRequest> readTsv(Reader tsv) {
        if (tsv == null) {
            throw InvalidInputException.of("tsv", "must not be null");
        }
        List<LabelledRequest> out = new ArrayList<>();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        BufferedReader lines = tsv instanceof BufferedReader b ? b : new BufferedReader(tsv);
        try {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    out.add(parse(line));
                } catch (InvalidInputException e) {
                    errors.add(new InvalidInputException.FieldError("line " + number, e.fieldErrors().get(0).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(out);
    }

    private static LabelledRequest parse(String line) {
        String[] parts = line.split("\t", 3);
        if (parts.length != 3) {
            throw InvalidInputException.of("line", "needs CHANNEL<TAB>CATEGORY<TAB>text, found " + parts.length + " field(s)");
        }
        Channel channel;
        try {
            channel = Channel.valueOf(parts[0].strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("channel", "\"" + parts[0] + "\" is not WHATSAPP or TICKET");
        }
        return new LabelledRequest(channel, Category.of(parts[1]), parts[2].strip());
    }

    /**
     * The corpus the standard model was trained and tested on: provider requests of a services marketplace
     * (leads, profile, reviews, service areas, subscriptions and invoices, payouts, verification, account status,
     * technical faults, how-to questions), in English with some Afrikaans. Add your own examples to it to retrain
     * with {@link RequestClassifier#train(java.util.Collection)}.
     *
     * @return every example, in file order
     */
    public static List<LabelledRequest> standardCorpus() {
        try (InputStream in = LabelledRequest.class.getResourceAsStream(STANDARD_CORPUS)) {
            if (in == null) {
                throw new SupportException("the routing corpus " + STANDARD_CORPUS + " is missing from the jar");
            }
            return readTsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SupportException("could not read the routing corpus", e);
        }
    }
}
