package za.co.proconnectsa.support.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.InvalidInputException;

class MeasuredFiguresTest {

    private static final ChannelAdvisor ADVISOR = ChannelAdvisor.standard();

    @ParameterizedTest(name = "{0} requests a day -> {1}")
    @CsvSource({"0, LOW", "9.99, LOW", "9.999999, LOW", "10, MEDIUM", "35, MEDIUM", "50, MEDIUM", "50.01, HIGH",
            "50.000001, HIGH", "1000000, HIGH"})
    void volumeBands(double requestsPerDay, Volume expected) {
        assertThat(Volume.of(requestsPerDay)).isEqualTo(expected);
        assertThat(MeasuredFigures.of(requestsPerDay, 2, 0.5, Growth.GROWING).toAnswers().volume()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} agents -> {1}")
    @CsvSource({"1, ONE", "2, TWO_TO_THREE", "3, TWO_TO_THREE", "4, FOUR_PLUS", "40, FOUR_PLUS"})
    void teamBands(int agents, TeamSize expected) {
        assertThat(TeamSize.of(agents)).isEqualTo(expected);
        assertThat(MeasuredFigures.of(20, agents, 0.5, Growth.GROWING).toAnswers().teamSize()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "share {0} -> {1}")
    @CsvSource({"0, SIMPLE", "0.19, SIMPLE", "0.2, MIXED", "0.5, MIXED", "0.8, MIXED", "0.81, BILLING_TECHNICAL",
            "1, BILLING_TECHNICAL"})
    void issueMixBands(double share, IssueMix expected) {
        assertThat(IssueMix.of(share)).isEqualTo(expected);
        assertThat(MeasuredFigures.of(20, 2, share, Growth.GROWING).toAnswers().issueMix()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "growth {0} a month -> {1}")
    @CsvSource({"-1, SMALL", "-0.3, SMALL", "0, SMALL", "0.19, SMALL", "0.2, GROWING", "0.99, GROWING",
            "1, ENTERPRISE", "3.5, ENTERPRISE"})
    void growthBands(double rate, Growth expected) {
        assertThat(Growth.of(rate)).isEqualTo(expected);
        assertThat(MeasuredFigures.of(20, 2, 0.5, rate).toAnswers().growth()).isEqualTo(expected);
    }

    @Test
    @DisplayName("plan and rate together: the one nearer tickets counts")
    void planAndRate() {
        MeasuredFigures smallPlanFastGrowth = new MeasuredFigures(20, 2, 0.5, Growth.SMALL, 0.3);
        assertThat(smallPlanFastGrowth.growth()).isEqualTo(Growth.GROWING);
        MeasuredFigures enterprisePlanFlat = new MeasuredFigures(20, 2, 0.5, Growth.ENTERPRISE, 0.0);
        assertThat(enterprisePlanFlat.growth()).isEqualTo(Growth.ENTERPRISE);
        assertThat(ADVISOR.advise(enterprisePlanFlat).point(DecisionPoint.GROWTH).reason()).isEqualTo(
                "Growth plans: the plan is enterprise scale but volume grows 0% a month (under 20%), which is small"
                        + " scale; the one nearer tickets, enterprise scale, counts: a ticket system is needed.");
        assertThat(ADVISOR.advise(new MeasuredFigures(20, 2, 0.5, Growth.GROWING, 0.25)).point(DecisionPoint.GROWTH)
                .reason()).isEqualTo("Growth plans: the plan is growing and volume grows 25% a month (20-100%),"
                        + " which agrees: a hybrid can grow either channel.");
    }

    @Test
    @DisplayName("ProConnect measured: 35 a day, 2 agents, 45% billing/technical, +25% a month -> HYBRID, numbers quoted")
    void reasonsQuoteTheFigures() {
        Advice advice = ADVISOR.advise(MeasuredFigures.builder().requestsPerDay(35).agents(2).billingTechnicalShare(0.45)
                .monthlyGrowthRate(0.25).build());
        assertThat(advice.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(advice.reasons()).containsExactly(
                "Volume: 35 requests a day is medium (10-50): a hybrid works best.",
                "Team size: 2 agents is 2-3 people: a hybrid works.",
                "Complexity: 45% of requests are billing or technical, 20-80%, so a mix: a hybrid suits them.",
                "Growth plans: volume grows 25% a month (20-100%), so growing: a hybrid can grow either channel.");
        assertThat(advice.answers()).isEqualTo(AdvisorAnswers.of(Volume.MEDIUM, TeamSize.TWO_TO_THREE, IssueMix.MIXED,
                Growth.GROWING));
    }

    @Test
    @DisplayName("reasons never round a number across a band boundary")
    void roundingKeepsTheBand() {
        Advice low = ADVISOR.advise(MeasuredFigures.of(9.999, 1, 0.1999, -0.05));
        assertThat(low.point(DecisionPoint.VOLUME).reason()).startsWith("Volume: 9.999 requests a day is low (under 10)");
        assertThat(low.point(DecisionPoint.TEAM_SIZE).reason()).isEqualTo(
                "Team size: 1 agent is one person: WhatsApp is manageable.");
        assertThat(low.point(DecisionPoint.ISSUE_MIX).reason()).startsWith("Complexity: 19.99% of requests")
                .contains("under 20%, so mostly simple questions");
        assertThat(low.point(DecisionPoint.GROWTH).reason()).startsWith("Growth plans: volume shrinks 5% a month");
        assertThat(low.strategy()).isEqualTo(Strategy.WHATSAPP_ONLY);

        Advice high = ADVISOR.advise(MeasuredFigures.of(50.001, 5, 0.8000001, Growth.ENTERPRISE));
        assertThat(high.point(DecisionPoint.VOLUME).reason()).isEqualTo(
                "Volume: 50.001 requests a day is high (over 50): a ticket system is needed.");
        assertThat(high.point(DecisionPoint.TEAM_SIZE).reason()).startsWith("Team size: 5 agents is 4 or more people");
        assertThat(high.point(DecisionPoint.ISSUE_MIX).reason()).startsWith("Complexity: 80.00001% of requests");
        assertThat(high.strategy()).isEqualTo(Strategy.TICKETS_ONLY);

        Advice rounded = ADVISOR.advise(MeasuredFigures.of(12.3456, 3, 0.33333, Growth.SMALL));
        assertThat(rounded.point(DecisionPoint.VOLUME).reason()).startsWith("Volume: 12.35 requests a day");
        assertThat(rounded.point(DecisionPoint.ISSUE_MIX).reason()).startsWith("Complexity: 33.3% of requests");
        assertThat(rounded.point(DecisionPoint.GROWTH).reason()).isEqualTo(
                "Growth plans: the plan is small scale: WhatsApp will do.");
    }

    @Test
    @DisplayName("figures give the same strategy as the answers they map to")
    void figuresAgreeWithTheirAnswers() {
        double[] volumes = {0, 9.99, 10, 50, 50.01};
        int[] agents = {1, 2, 3, 4};
        double[] shares = {0, 0.19, 0.2, 0.8, 0.81, 1};
        double[] rates = {-0.5, 0.19, 0.2, 1};
        for (double v : volumes) {
            for (int a : agents) {
                for (double s : shares) {
                    for (double r : rates) {
                        MeasuredFigures f = MeasuredFigures.of(v, a, s, r);
                        Advice byFigures = ADVISOR.advise(f);
                        Advice byAnswers = ADVISOR.advise(f.toAnswers());
                        assertThat(byFigures.strategy()).isEqualTo(byAnswers.strategy());
                        assertThat(byFigures.score()).isEqualTo(byAnswers.score());
                        assertThat(byFigures.summary()).isEqualTo(byAnswers.summary());
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / {3} refused on {4}")
    @CsvSource({
            "-1,       2,  0.5,  0.1,      requestsPerDay",
            "NaN,      2,  0.5,  0.1,      requestsPerDay",
            "Infinity, 2,  0.5,  0.1,      requestsPerDay",
            "20,       0,  0.5,  0.1,      agents",
            "20,       -3, 0.5,  0.1,      agents",
            "20,       2,  -0.1, 0.1,      billingTechnicalShare",
            "20,       2,  1.01, 0.1,      billingTechnicalShare",
            "20,       2,  NaN,  0.1,      billingTechnicalShare",
            "20,       2,  0.5,  -1.5,     monthlyGrowthRate",
            "20,       2,  0.5,  NaN,      monthlyGrowthRate",
            "20,       2,  0.5,  Infinity, monthlyGrowthRate",
    })
    void invalidFiguresAreRefused(double requestsPerDay, int agents, double share, double rate, String field) {
        assertThatThrownBy(() -> MeasuredFigures.of(requestsPerDay, agents, share, rate))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly(field))
                .hasMessageContaining(field);
    }

    @Test
    @DisplayName("every refused figure is reported at once, sorted by field name")
    void allErrorsAtOnce() {
        assertThatThrownBy(() -> new MeasuredFigures(-5, 0, 2, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("agents", "billingTechnicalShare", "plannedGrowth", "requestsPerDay"));
        assertThatThrownBy(() -> MeasuredFigures.builder().agents(0).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("agents", "billingTechnicalShare", "plannedGrowth", "requestsPerDay"));
        assertThatThrownBy(() -> MeasuredFigures.builder().requestsPerDay(5).agents(1).billingTechnicalShare(0).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("plannedGrowth"));
    }

    @Test
    @DisplayName("answers: missing answers are named; with() replaces one answer")
    void answers() {
        assertThatThrownBy(() -> AdvisorAnswers.builder().volume(Volume.LOW).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("growth", "issueMix", "teamSize"));
        AdvisorAnswers a = AdvisorAnswers.builder().volume(Volume.LOW).teamSize(TeamSize.ONE).issueMix(IssueMix.SIMPLE)
                .growth(Growth.SMALL).build();
        assertThat(a.with(TeamSize.FOUR_PLUS)).isEqualTo(AdvisorAnswers.of(Volume.LOW, TeamSize.FOUR_PLUS,
                IssueMix.SIMPLE, Growth.SMALL));
        assertThat(a.answer(DecisionPoint.ISSUE_MIX)).isEqualTo(IssueMix.SIMPLE);
        assertThat(a.all()).containsExactly(Volume.LOW, TeamSize.ONE, IssueMix.SIMPLE, Growth.SMALL);
        assertThatThrownBy(() -> a.with(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> a.answer(null)).isInstanceOf(InvalidInputException.class);
    }
}
