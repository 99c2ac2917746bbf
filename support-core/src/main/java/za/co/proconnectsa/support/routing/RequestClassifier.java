package za.co.proconnectsa.support.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.RoutingModel;

/**
 * Reads a request's words and says whether it looks like a quick question (WhatsApp) or something to track
 * (a ticket), which category it belongs to, how sure it is, and which words weighed most. A text classifier
 * (Apache OpenNLP's maximum-entropy document categorizer) learnt from labelled requests; immutable and thread-safe.
 *
 * <p>{@link #standard()} is trained on the corpus shipped with the library ({@link LabelledRequest#standardCorpus()},
 * its held-out fifth excluded) and is what {@link RoutingPolicy#standard()} uses. To learn your own providers'
 * words, train on your labelled requests (on their own or added to the standard corpus), save the model and load it
 * at start:
 *
 * <pre>{@code
 * List<LabelledRequest> mine = LabelledRequest.readTsv(reader);          // CHANNEL<TAB>CATEGORY<TAB>text
 * RequestClassifier retrained = RequestClassifier.train(mine);
 * retrained.save(out);                                                   // ... and later RequestClassifier.load(in)
 * RoutingPolicy policy = RoutingPolicy.standard(AfterHours.TICKET, retrained);
 * }</pre>
 *
 * <p>Routing acts on a classification only when its confidence reaches {@link #confidenceThreshold()}; below it the
 * standard policy opens a ticket and says it was not sure.
 */
public final class RequestClassifier {

    /** The confidence a classification needs before routing acts on it, unless set otherwise. */
    public static final double DEFAULT_THRESHOLD = 0.6;
    static final String STANDARD_MODEL = "routing-model.bin";

    private final RoutingModel model;
    private final double threshold;

    private RequestClassifier(RoutingModel model, double threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    private static final class Standard {
        static final RequestClassifier INSTANCE = read();

        private static RequestClassifier read() {
            try (InputStream in = RequestClassifier.class.getResourceAsStream(STANDARD_MODEL)) {
                if (in == null) {
                    throw new SupportException("the routing model " + STANDARD_MODEL + " is missing from the jar");
                }
                return new RequestClassifier(RoutingModel.read(in), DEFAULT_THRESHOLD);
            } catch (IOException e) {
                throw new SupportException("could not read the standard routing model", e);
            }
        }
    }

    /**
     * The model shipped in the jar, read once on first use.
     *
     * @return the standard classifier, with {@link #DEFAULT_THRESHOLD}
     */
    public static RequestClassifier standard() {
        return Standard.INSTANCE;
    }

    /**
     * Trains a classifier on labelled requests, in one call (well under a second for a thousand examples). The same
     * examples in the same order always give the same model.
     *
     * @param examples at least 20 labelled requests, of both channels; categories are learnt as given, so use
     *                 categories your desk knows
     * @return the classifier, with {@link #DEFAULT_THRESHOLD}
     * @throws InvalidInputException when there are too few examples or only one channel among them
     */
    public static RequestClassifier train(Collection<LabelledRequest> examples) {
        return new RequestClassifier(RoutingModel.train(examples), DEFAULT_THRESHOLD);
    }

    /**
     * Reads a model written by {@link #save(OutputStream)}.
     *
     * @param model the model's bytes; read, not closed
     * @return the classifier, with {@link #DEFAULT_THRESHOLD}
     * @throws InvalidInputException when the bytes are not a routing model
     */
    public static RequestClassifier load(InputStream model) {
        Objects.requireNonNull(model, "model");
        return new RequestClassifier(RoutingModel.read(model), DEFAULT_THRESHOLD);
    }

    /**
     * Writes the model (an Apache OpenNLP document categorizer model) for {@link #load(InputStream)}.
     *
     * @param out where to write; not closed
     * @throws SupportException when writing fails
     */
    public void save(OutputStream out) {
        model.write(Objects.requireNonNull(out, "out"));
    }

    /**
     * @param value the confidence a classification needs before routing acts on it, from 0.5 (always act) to 1
     * @return a classifier with the same model and this threshold
     * @throws InvalidInputException when the value is outside [0.5, 1]
     */
    public RequestClassifier withConfidenceThreshold(double value) {
        if (!(value >= 0.5 && value <= 1.0)) {
            throw InvalidInputException.of("confidenceThreshold", "must be between 0.5 and 1, was " + value);
        }
        return new RequestClassifier(model, value);
    }

    /** @return the confidence a classification needs before routing acts on it */
    public double confidenceThreshold() {
        return threshold;
    }

    /**
     * @param text what the person wrote (subject and text together); null counts as empty
     * @return the classification
     */
    public Classification classify(String text) {
        return model.classify(text == null ? "" : text, threshold);
    }

    /**
     * @param request a request; its subject and text are read
     * @return the classification
     */
    public Classification classify(SupportRequest request) {
        Objects.requireNonNull(request, "request");
        return classify(RoutingContext.joined(request));
    }

    /** @return the labels the model knows, {@code CHANNEL/CATEGORY} */
    public List<String> labels() {
        return model.outcomes();
    }

    /**
     * Measures the classifier's channel (its more likely channel, whatever the confidence) against labelled
     * requests it was not trained on.
     *
     * @param examples labelled requests
     * @return accuracy, precision and recall per channel, and the confusion matrix
     */
    public RoutingEvaluation evaluate(Collection<LabelledRequest> examples) {
        return RoutingEvaluation.of(examples, e -> classify(e.text()).channel());
    }

    RoutingModel model() {
        return model;
    }

    @Override
    public String toString() {
        return "RequestClassifier[" + model + ", threshold " + threshold + "]";
    }
}
