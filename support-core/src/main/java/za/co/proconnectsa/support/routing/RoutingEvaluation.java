package za.co.proconnectsa.support.routing;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * How well something that picks a channel (a {@link RequestClassifier}, a whole {@link RoutingPolicy}) agrees with
 * labelled requests: accuracy, precision and recall per channel, and the confusion matrix. Immutable.
 *
 * <pre>{@code
 * RoutingEvaluation e = RoutingEvaluation.of(heldOut, r -> policy.route(SupportRequest.of(r.text()), now, hours, null).channel());
 * e.accuracy();                       // 0.96
 * e.recall(Channel.TICKET);           // 0.97
 * System.out.println(e.table());      // the confusion matrix
 * }</pre>
 */
public final class RoutingEvaluation {

    private static final Channel[] CHANNELS = Channel.values();
    /** counts[actual][predicted] */
    private final int[][] counts;
    private final int total;

    private RoutingEvaluation(int[][] counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * @param examples labelled requests, at least one
     * @param decide   the channel picked for each
     * @return the evaluation
     * @throws InvalidInputException when there are no examples
     */
    public static RoutingEvaluation of(Collection<LabelledRequest> examples, Function<LabelledRequest, Channel> decide) {
        if (examples == null || examples.isEmpty()) {
            throw InvalidInputException.of("examples", "needs at least one labelled request");
        }
        int[][] counts = new int[CHANNELS.length][CHANNELS.length];
        for (LabelledRequest e : examples) {
            counts[e.channel().ordinal()][decide.apply(e).ordinal()]++;
        }
        return new RoutingEvaluation(counts, examples.size());
    }

    /** @return how many requests were evaluated */
    public int total() {
        return total;
    }

    /**
     * @param actual    the labelled channel
     * @param predicted the channel picked
     * @return how many requests labelled {@code actual} were sent to {@code predicted}
     */
    public int count(Channel actual, Channel predicted) {
        return counts[actual.ordinal()][predicted.ordinal()];
    }

    /** @return the share of requests sent to their labelled channel */
    public double accuracy() {
        int right = 0;
        for (Channel c : CHANNELS) {
            right += count(c, c);
        }
        return (double) right / total;
    }

    /**
     * @param channel a channel
     * @return of the requests sent there, the share labelled so (1 when none were sent there)
     */
    public double precision(Channel channel) {
        int sent = 0;
        for (Channel actual : CHANNELS) {
            sent += count(actual, channel);
        }
        return sent == 0 ? 1 : (double) count(channel, channel) / sent;
    }

    /**
     * @param channel a channel
     * @return of the requests labelled so, the share sent there (1 when none were labelled so)
     */
    public double recall(Channel channel) {
        int labelled = 0;
        for (Channel predicted : CHANNELS) {
            labelled += count(channel, predicted);
        }
        return labelled == 0 ? 1 : (double) count(channel, channel) / labelled;
    }

    /**
     * @return the confusion matrix and the figures as a Markdown table, e.g. for a log or a README
     */
    public String table() {
        StringBuilder out = new StringBuilder("| labelled \\ routed to |");
        for (Channel c : CHANNELS) {
            out.append(' ').append(c).append(" |");
        }
        out.append(" recall |\n|---|");
        out.append("---|".repeat(CHANNELS.length)).append("---|\n");
        for (Channel actual : CHANNELS) {
            out.append("| ").append(actual).append(" |");
            for (Channel predicted : CHANNELS) {
                out.append(' ').append(count(actual, predicted)).append(" |");
            }
            out.append(' ').append(format(recall(actual))).append(" |\n");
        }
        out.append("| precision |");
        for (Channel c : CHANNELS) {
            out.append(' ').append(format(precision(c))).append(" |");
        }
        out.append(" accuracy ").append(format(accuracy())).append(" (").append(total).append(" requests) |\n");
        return out.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    @Override
    public String toString() {
        return "RoutingEvaluation[accuracy " + format(accuracy()) + " of " + total + "]";
    }
}
