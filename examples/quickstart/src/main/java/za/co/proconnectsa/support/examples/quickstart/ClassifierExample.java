package za.co.proconnectsa.support.examples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import za.co.proconnectsa.support.ticket.Category;
// classifier-imports:begin
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.Condition;
import za.co.proconnectsa.support.routing.LabelledRequest;
import za.co.proconnectsa.support.routing.RequestClassifier;
import za.co.proconnectsa.support.routing.RoutingEvaluation;
import za.co.proconnectsa.support.routing.RoutingPolicy;
// classifier-imports:end

/**
 * docs/routing-classifier.md's block: the routing classifier trained on the standard corpus plus a host's own
 * labelled requests, saved, loaded at start, used by a policy and measured on held-out requests.
 */
public final class ClassifierExample {

    private ClassifierExample() {
    }

    /**
     * Runs the example in a temporary folder.
     *
     * @param args ignored
     * @throws IOException when the folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(Files.createTempDirectory("routing-example"));
    }

    static RoutingEvaluation run(Path folder) {
        try {
            Files.writeString(folder.resolve("our-requests.tsv"), """
                    TICKET\tBILLING\tMy payout for March never arrived in my bank account
                    TICKET\tTECHNICAL\tThe app crashes every time I upload my ID document
                    WHATSAPP\tGENERAL\tWhat time do you open on Saturday?
                    """, StandardCharsets.UTF_8);
            List<LabelledRequest> ourHeldOutExamples = List.of(
                    LabelledRequest.of(Channel.TICKET, Category.BILLING, "I was charged twice for one invoice"),
                    LabelledRequest.of(Channel.WHATSAPP, Category.GENERAL, "How do I change my profile photo?"));
            return trainAndLoad(folder, ourHeldOutExamples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RoutingEvaluation trainAndLoad(Path folder, List<LabelledRequest> ourHeldOutExamples)
            throws IOException {
        // classifier:begin
        List<LabelledRequest> examples = new ArrayList<>(LabelledRequest.standardCorpus());
        try (Reader in = Files.newBufferedReader(folder.resolve("our-requests.tsv"))) {
            examples.addAll(LabelledRequest.readTsv(in));                      // CHANNEL<TAB>CATEGORY<TAB>text
        }
        RequestClassifier ours = RequestClassifier.train(examples);            // one call, under a second
        try (OutputStream out = Files.newOutputStream(folder.resolve("routing-model.bin"))) {
            ours.save(out);
        }
        // at start:
        RequestClassifier loaded;
        try (InputStream in = Files.newInputStream(folder.resolve("routing-model.bin"))) {
            loaded = RequestClassifier.load(in);
        }
        RoutingPolicy policy = RoutingPolicy.builder()
                .rule("partners", Condition.requesterTier("partner"), Channel.TICKET, "Partners have an account manager.")
                .classifier(loaded.withConfidenceThreshold(0.7))
                .standardRules(AfterHours.TICKET)
                .build();
        RoutingEvaluation check = loaded.evaluate(ourHeldOutExamples);          // accuracy, precision, recall, table()
        System.out.println(check.table());
        // classifier:end

        System.out.println("Policy " + policy.classifier().isPresent() + ", accuracy " + check.accuracy());
        return check;
    }
}
