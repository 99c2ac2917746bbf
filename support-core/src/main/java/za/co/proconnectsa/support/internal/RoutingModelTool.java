package za.co.proconnectsa.support.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import za.co.proconnectsa.support.routing.LabelledRequest;

/**
 * Retrains the standard routing model from the corpus, on the training split only ({@link CorpusSplit}), and
 * writes it where the jar picks it up. Run after editing the corpus (see docs/routing-classifier.md):
 *
 * <pre>
 * java -cp support-core/target/classes:$(cat support-core/target/classpath.txt) \
 *     za.co.proconnectsa.support.internal.RoutingModelTool \
 *     support-core/src/main/resources/za/co/proconnectsa/support/routing/routing-corpus.tsv \
 *     support-core/src/main/resources/za/co/proconnectsa/support/routing/routing-model.bin
 * </pre>
 *
 * {@code StandardRoutingModelTest} fails when the committed model is not the one this produces.
 */
public final class RoutingModelTool {

    private RoutingModelTool() {
    }

    /**
     * @param args the corpus file and the model file to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RoutingModelTool <corpus.tsv> <model.bin>");
            System.exit(2);
        }
        List<LabelledRequest> corpus;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            corpus = LabelledRequest.readTsv(in);
        }
        List<LabelledRequest> training = CorpusSplit.training(corpus);
        RoutingModel model = RoutingModel.train(training);
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            model.write(out);
        }
        System.out.println("trained on " + training.size() + " of " + corpus.size() + " examples ("
                + CorpusSplit.heldOut(corpus).size() + " held out): " + model + " -> " + args[1]);
    }
}
