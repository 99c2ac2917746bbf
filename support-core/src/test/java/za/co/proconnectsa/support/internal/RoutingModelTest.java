package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.routing.LabelledRequest;

/** The shipped model is the one the corpus gives, and reading its weights agrees with OpenNLP's own categorizer. */
class RoutingModelTest {

    private static RoutingModel shipped() throws IOException {
        try (InputStream in = LabelledRequest.class.getResourceAsStream("routing-model.bin")) {
            return RoutingModel.read(in);
        }
    }

    @Test
    @DisplayName("the committed model is what RoutingModelTool trains from the committed corpus (retrain after editing it)")
    void committedModelIsCurrent() throws IOException {
        List<LabelledRequest> corpus = LabelledRequest.standardCorpus();
        RoutingModel retrained = RoutingModel.train(CorpusSplit.training(corpus));
        RoutingModel shipped = shipped();

        assertThat(retrained.outcomes()).isEqualTo(shipped.outcomes());
        assertThat(retrained.features()).isEqualTo(shipped.features());
        for (LabelledRequest r : corpus) {
            assertThat(shipped.probabilities(r.text())).as(r.text())
                    .containsExactly(retrained.probabilities(r.text()), within(1e-9));
        }
    }

    @Test
    @DisplayName("probabilities read from the weights equal OpenNLP DocumentCategorizerME's")
    void sameAsOpenNlp() throws IOException {
        RoutingModel model = shipped();
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model.doccatModel());
        for (String text : List.of("I was charged twice", "How do I add a service area?", "", "hello hello hello",
                "Die app laai nie", "unknownword anotherone", "My account has been blocked and I don't know why")) {
            double[] theirs = categorizer.categorize(RequestFeatures.of(text).tokens());
            assertThat(model.probabilities(text)).as(text).containsExactly(theirs, within(1e-12));
        }
    }

    @Test
    @DisplayName("the model is small")
    void small() throws IOException {
        try (InputStream in = LabelledRequest.class.getResourceAsStream("routing-model.bin")) {
            assertThat(in.readAllBytes().length).isLessThan(200_000);
        }
    }

    @Test
    @DisplayName("every fifth example is held out")
    void split() {
        List<Integer> all = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(CorpusSplit.heldOut(all)).containsExactly(4, 9);
        assertThat(CorpusSplit.training(all)).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 10);
    }

    @Test
    @DisplayName("features: words, five-letter prefixes, pairs, shape; little words dropped")
    void features() {
        RequestFeatures.Tokens t = RequestFeatures.of("Why is my account SUSPENDED?");
        assertThat(t.tokens()).contains("why", "account", "~accou", "suspended", "~suspe", "account_suspended",
                "#question", "#first_why").doesNotContain("my", "#short");
        assertThat(RequestFeatures.of("to the").tokens()).containsExactly("#first_to", "#short");
        assertThat(t.tokens()).hasSameSizeAs(t.display());
        assertThat(RequestFeatures.of("").tokens()).containsExactly("#short");
    }
}
