package za.co.proconnectsa.support.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.Classification;
import za.co.proconnectsa.support.routing.LabelledRequest;
import za.co.proconnectsa.support.ticket.Category;

/**
 * The routing classifier's model: an Apache OpenNLP document categorizer (maximum entropy over
 * {@link RequestFeatures}' tokens, bag of words) whose outcomes are {@code CHANNEL/CATEGORY}, so that one model
 * decides the channel (the sum of its outcomes' probabilities) and suggests the category.
 *
 * <p>OpenNLP trains, writes and reads the model; classifying reads its weights into one map from token to the
 * weights of every outcome, so a decision is one lookup a token and a softmax, and the same weights name the words
 * that weighed most. {@code RoutingModelTest} checks that the probabilities equal OpenNLP's own.
 */
public final class RoutingModel {

    /** Fewer examples than this cannot make a useful model. */
    public static final int MIN_EXAMPLES = 20;
    static final int ITERATIONS = 300;
    static final int EVIDENCE = 3;

    private final DoccatModel model;
    private final Map<String, double[]> weights;
    private final Channel[] channels;
    private final Category[] categories;
    private final int outcomes;

    private RoutingModel(DoccatModel model) {
        this.model = model;
        AbstractModel maxent = (AbstractModel) model.getMaxentModel();
        Object[] data = maxent.getDataStructures();
        Context[] params = (Context[]) data[0];
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) data[1];
        String[] names = (String[]) data[2];
        this.outcomes = names.length;
        this.channels = new Channel[outcomes];
        this.categories = new Category[outcomes];
        for (int o = 0; o < outcomes; o++) {
            String[] parts = names[o].split("/", 2);
            if (parts.length != 2) {
                throw InvalidInputException.of("model", "is not a routing model: outcome \"" + names[o]
                        + "\" is not CHANNEL/CATEGORY");
            }
            try {
                channels[o] = Channel.valueOf(parts[0]);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("model", "is not a routing model: unknown channel in \"" + names[o] + "\"");
            }
            categories[o] = Category.of(parts[1]);
        }
        this.weights = new HashMap<>(pmap.size() * 2);
        for (Map.Entry<String, Context> e : pmap.entrySet()) {
            String feature = e.getKey();
            // BagOfWordsFeatureGenerator's features are "bow=" + token
            String token = feature.startsWith("bow=") ? feature.substring(4) : feature;
            Context c = e.getValue();
            double[] w = new double[outcomes];
            int[] outs = c.getOutcomes();
            double[] ps = c.getParameters();
            for (int i = 0; i < outs.length; i++) {
                w[outs[i]] = ps[i];
            }
            weights.put(token, w);
        }
        if (params.length == 0 && !pmap.isEmpty()) {
            throw InvalidInputException.of("model", "is not a routing model: it has no weights");
        }
    }

    /**
     * Trains a model on labelled requests; the same examples in the same order give the same model.
     *
     * @param examples at least {@value #MIN_EXAMPLES}, with both channels among them
     * @return the model
     * @throws InvalidInputException when there are too few examples or only one channel
     */
    public static RoutingModel train(Collection<LabelledRequest> examples) {
        if (examples == null || examples.size() < MIN_EXAMPLES) {
            throw InvalidInputException.of("examples", "needs at least " + MIN_EXAMPLES + " labelled requests, got "
                    + (examples == null ? 0 : examples.size()));
        }
        if (examples.stream().map(LabelledRequest::channel).distinct().count() < Channel.values().length) {
            throw InvalidInputException.of("examples", "needs examples of both channels, WHATSAPP and TICKET");
        }
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabelledRequest e : examples) {
            samples.add(new DocumentSample(e.channel() + "/" + e.category().code(), RequestFeatures.of(e.text()).tokens()));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        // in memory: the default two-pass indexer writes a temporary file
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        params.put("PrintMessages", false);
        try {
            DoccatModel trained = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            return new RoutingModel(trained);
        } catch (IOException e) {
            throw new SupportException("training the routing model failed", e);
        }
    }

    /**
     * @param in an OpenNLP document categorizer model written by {@link #write(OutputStream)}; not closed
     * @return the model
     * @throws InvalidInputException when the stream is not a routing model
     */
    public static RoutingModel read(InputStream in) {
        try {
            return new RoutingModel(new DoccatModel(in));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException v) {
                throw v;
            }
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("model",
                    "is not a routing model that OpenNLP " + "can read: " + e.getMessage())));
        }
    }

    /**
     * @param out where to write the model (OpenNLP's document categorizer format); not closed
     */
    public void write(OutputStream out) {
        try {
            model.serialize(out);
        } catch (IOException e) {
            throw new SupportException("writing the routing model failed", e);
        }
    }

    /** @return the OpenNLP model, for tests comparing with OpenNLP's own categorizer */
    public DoccatModel doccatModel() {
        return model;
    }

    /** @return how many distinct tokens carry weights */
    public int features() {
        return weights.size();
    }

    /**
     * @param text subject and text
     * @return the probability of each outcome, in OpenNLP's outcome order
     */
    public double[] probabilities(String text) {
        return probabilities(RequestFeatures.of(text).tokens(), null);
    }

    /** @return the outcome names, {@code CHANNEL/CATEGORY}, in OpenNLP's order */
    public List<String> outcomes() {
        List<String> out = new ArrayList<>();
        for (int o = 0; o < outcomes; o++) {
            out.add(channels[o] + "/" + categories[o].code());
        }
        return out;
    }

    private double[] probabilities(String[] tokens, double[][] found) {
        double[] sum = new double[outcomes];
        for (int t = 0; t < tokens.length; t++) {
            double[] w = weights.get(tokens[t]);
            if (w != null) {
                for (int o = 0; o < outcomes; o++) {
                    sum[o] += w[o];
                }
            }
            if (found != null) {
                found[t] = w;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : sum) {
            max = Math.max(max, s);
        }
        double total = 0;
        for (int o = 0; o < outcomes; o++) {
            sum[o] = Math.exp(sum[o] - max);
            total += sum[o];
        }
        for (int o = 0; o < outcomes; o++) {
            sum[o] /= total;
        }
        return sum;
    }

    /**
     * @param text      subject and text
     * @param threshold the confidence a decision needs
     * @return the channel, category, confidence and the words that weighed most
     */
    public Classification classify(String text, double threshold) {
        RequestFeatures.Tokens tokens = RequestFeatures.of(text);
        double[][] found = new double[tokens.tokens().length][];
        double[] p = probabilities(tokens.tokens(), found);
        double ticket = 0;
        for (int o = 0; o < outcomes; o++) {
            if (channels[o] == Channel.TICKET) {
                ticket += p[o];
            }
        }
        // ties go to the ticket, the safe side
        Channel channel = ticket >= 0.5 ? Channel.TICKET : Channel.WHATSAPP;
        int best = best(p, channel);
        int rival = best(p, channel == Channel.TICKET ? Channel.WHATSAPP : Channel.TICKET);
        return new Classification(channel, categories[best], channel == Channel.TICKET ? ticket : 1 - ticket, threshold,
                evidence(tokens, found, best, rival));
    }

    private int best(double[] p, Channel channel) {
        int best = -1;
        for (int o = 0; o < outcomes; o++) {
            if (channels[o] == channel && (best < 0 || p[o] > p[best])) {
                best = o;
            }
        }
        return best;
    }

    /** The words whose weights pull most towards outcome {@code best} rather than {@code rival}. */
    private static List<String> evidence(RequestFeatures.Tokens tokens, double[][] found, int best, int rival) {
        if (best < 0 || rival < 0) {
            return List.of();
        }
        Map<String, Double> pull = new LinkedHashMap<>();
        String[] display = tokens.display();
        for (int t = 0; t < found.length; t++) {
            if (found[t] != null && display[t] != null) {
                pull.merge(display[t], found[t][best] - found[t][rival], Double::sum);
            }
        }
        return pull.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(EVIDENCE).map(Map.Entry::getKey).toList();
    }

    @Override
    public String toString() {
        return "RoutingModel[" + outcomes() + ", " + weights.size() + " tokens]";
    }
}
