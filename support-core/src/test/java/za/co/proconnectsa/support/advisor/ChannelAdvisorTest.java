package za.co.proconnectsa.support.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.InvalidInputException;

class ChannelAdvisorTest {

    private static final ChannelAdvisor ADVISOR = ChannelAdvisor.standard();

    static List<AdvisorAnswers> allCombinations() {
        List<AdvisorAnswers> all = new ArrayList<>();
        for (Volume v : Volume.values()) {
            for (TeamSize t : TeamSize.values()) {
                for (IssueMix m : IssueMix.values()) {
                    for (Growth g : Growth.values()) {
                        all.add(AdvisorAnswers.of(v, t, m, g));
                    }
                }
            }
        }
        return all;
    }

    @Test
    @DisplayName("all 81 combinations of answers give a strategy, the same every time, with four reasons")
    void everyCombinationIsAdvised() {
        List<AdvisorAnswers> all = allCombinations();
        assertThat(all).hasSize(81).doesNotHaveDuplicates();
        Map<Strategy, Integer> tally = new HashMap<>();
        for (AdvisorAnswers answers : all) {
            Advice first = ADVISOR.advise(answers);
            Advice again = ChannelAdvisor.standard().advise(answers);
            assertThat(first.strategy()).isNotNull().isEqualTo(again.strategy());
            assertThat(first.score()).isEqualTo(again.score()).isBetween(-1.0, 1.0);
            assertThat(first.summary()).isEqualTo(again.summary()).endsWith(first.strategy() + ".");
            assertThat(first.reasons()).isEqualTo(again.reasons()).hasSize(4).allSatisfy(r -> assertThat(r).isNotBlank());
            assertThat(first.points()).extracting(PointAssessment::point).containsExactly(DecisionPoint.values());
            assertThat(first.answers()).isEqualTo(answers);
            tally.merge(first.strategy(), 1, Integer::sum);
        }
        // every strategy is reachable, and the hybrid is the broad middle
        assertThat(tally).containsOnlyKeys(Strategy.values());
        assertThat(tally.get(Strategy.HYBRID)).isGreaterThan(tally.get(Strategy.WHATSAPP_ONLY))
                .isGreaterThan(tally.get(Strategy.TICKETS_ONLY));
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / {3} -> {4}")
    @CsvSource({
            "LOW,    ONE,          SIMPLE,            SMALL,      WHATSAPP_ONLY",
            "HIGH,   FOUR_PLUS,    BILLING_TECHNICAL, ENTERPRISE, TICKETS_ONLY",
            "MEDIUM, TWO_TO_THREE, MIXED,             GROWING,    HYBRID",
            // ProConnect's own situation: a handful of staff, a mix of questions and billing, growing
            "MEDIUM, TWO_TO_THREE, MIXED,             GROWING,    HYBRID",
            // volume and complexity weigh double: they tip the balance
            "LOW,    TWO_TO_THREE, SIMPLE,            GROWING,    WHATSAPP_ONLY",
            "HIGH,   TWO_TO_THREE, BILLING_TECHNICAL, GROWING,    TICKETS_ONLY",
            // an exact tie on the boundary (-2/6 = -1/3) goes to the hybrid
            "LOW,    ONE,          BILLING_TECHNICAL, SMALL,      HYBRID",
            "HIGH,   FOUR_PLUS,    SIMPLE,            ENTERPRISE, HYBRID",
            // one heavy point against three others
            "MEDIUM, ONE,          SIMPLE,            SMALL,      WHATSAPP_ONLY",
            "MEDIUM, FOUR_PLUS,    BILLING_TECHNICAL, ENTERPRISE, TICKETS_ONLY",
    })
    void seedCases(Volume v, TeamSize t, IssueMix m, Growth g, Strategy expected) {
        Advice advice = ADVISOR.advise(AdvisorAnswers.of(v, t, m, g));
        assertThat(advice.strategy()).as(advice.summary()).isEqualTo(expected);
    }

    @Test
    @DisplayName("when all four points agree, that is the advice")
    void unanimous() {
        for (int i = 0; i < 3; i++) {
            AdvisorAnswers answers = AdvisorAnswers.of(Volume.values()[i], TeamSize.values()[i], IssueMix.values()[i],
                    Growth.values()[i]);
            Advice advice = ADVISOR.advise(answers);
            assertThat(advice.strategy()).isEqualTo(Strategy.values()[i]);
            assertThat(advice.score()).isEqualTo(Strategy.values()[i].position());
            assertThat(advice.summary()).startsWith("All 4 points favour " + Strategy.values()[i]);
        }
    }

    @Test
    @DisplayName("each answer suggests what the seed says for it")
    void answersMapToTheSeedsStrategies() {
        assertThat(List.of(Volume.values())).extracting(Answer::suggests)
                .containsExactly(Strategy.WHATSAPP_ONLY, Strategy.HYBRID, Strategy.TICKETS_ONLY);
        assertThat(List.of(TeamSize.values())).extracting(Answer::suggests)
                .containsExactly(Strategy.WHATSAPP_ONLY, Strategy.HYBRID, Strategy.TICKETS_ONLY);
        assertThat(IssueMix.SIMPLE.suggests()).isEqualTo(Strategy.WHATSAPP_ONLY);
        assertThat(IssueMix.MIXED.suggests()).isEqualTo(Strategy.HYBRID);
        assertThat(IssueMix.BILLING_TECHNICAL.suggests()).isEqualTo(Strategy.TICKETS_ONLY);
        assertThat(List.of(Growth.values())).extracting(Answer::suggests)
                .containsExactly(Strategy.WHATSAPP_ONLY, Strategy.HYBRID, Strategy.TICKETS_ONLY);
    }

    @Test
    @DisplayName("ProConnect's situation: the summary shows the votes, the formula and the band")
    void proConnectSummary() {
        Advice advice = ADVISOR.advise(AdvisorAnswers.of(Volume.MEDIUM, TeamSize.TWO_TO_THREE, IssueMix.MIXED,
                Growth.GROWING));
        assertThat(advice.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(advice.hardRuleApplied()).isFalse();
        assertThat(advice.summary()).isEqualTo("All 4 points favour HYBRID; weighted score (2*0 + 1*0 + 2*0 + 1*0) / 6"
                + " = 0.00 (WHATSAPP_ONLY -1, HYBRID 0, TICKETS_ONLY +1) is within [-1/3, +1/3], so HYBRID.");
        assertThat(advice.point(DecisionPoint.VOLUME).reason())
                .isEqualTo("Volume: medium (10-50 requests a day): a hybrid works best.");
        assertThat(advice.point(DecisionPoint.TEAM_SIZE).reason()).isEqualTo("Team size: 2-3 people: a hybrid works.");
    }

    @Test
    @DisplayName("a split vote: the summary counts the votes and shows the weighted sum")
    void splitSummary() {
        Advice advice = ADVISOR.advise(AdvisorAnswers.of(Volume.MEDIUM, TeamSize.TWO_TO_THREE,
                IssueMix.BILLING_TECHNICAL, Growth.SMALL));
        // (2*0 + 1*0 + 2*1 + 1*-1) / 6 = 1/6
        assertThat(advice.score()).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(advice.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(advice.summary()).isEqualTo("2 of 4 points favour HYBRID, 1 WHATSAPP_ONLY, 1 TICKETS_ONLY;"
                + " weighted score (2*0 + 1*0 + 2*(+1) + 1*(-1)) / 6 = +0.17 (WHATSAPP_ONLY -1, HYBRID 0,"
                + " TICKETS_ONLY +1) is within [-1/3, +1/3], so HYBRID.");
        assertThat(advice.point(DecisionPoint.ISSUE_MIX).suggests()).isEqualTo(Strategy.TICKETS_ONLY);
        assertThat(advice.point(DecisionPoint.ISSUE_MIX).weight()).isEqualTo(2.0);
        assertThat(advice.point(DecisionPoint.ISSUE_MIX).contribution()).isEqualTo(2.0);
        assertThat(advice.point(DecisionPoint.GROWTH).contribution()).isEqualTo(-1.0);
    }

    @Test
    @DisplayName("hard rule: a team of 4 or more never gets WhatsApp only, however the rest is answered")
    void hardRuleTeam() {
        Advice advice = ADVISOR.advise(AdvisorAnswers.of(Volume.LOW, TeamSize.FOUR_PLUS, IssueMix.SIMPLE, Growth.SMALL));
        // (-2 + 1 - 2 - 1) / 6 = -2/3 would be WhatsApp only
        assertThat(advice.weighedStrategy()).isEqualTo(Strategy.WHATSAPP_ONLY);
        assertThat(advice.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(advice.hardRuleApplied()).isTrue();
        assertThat(advice.summary()).contains("below -1/3, which would give WHATSAPP_ONLY")
                .contains("a team of 4 or more needs a ticket system").endsWith("never WhatsApp only: HYBRID.");
    }

    @Test
    @DisplayName("hard rule: more than 50 requests a day never get WhatsApp only, even if volume weighs little")
    void hardRuleVolume() {
        ChannelAdvisor light = ChannelAdvisor.builder().weight(DecisionPoint.VOLUME, 0.5).build();
        Advice advice = light.advise(AdvisorAnswers.of(Volume.HIGH, TeamSize.ONE, IssueMix.SIMPLE, Growth.SMALL));
        assertThat(advice.weighedStrategy()).isEqualTo(Strategy.WHATSAPP_ONLY);
        assertThat(advice.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(advice.summary()).contains("more than 50 requests a day need a ticket system");

        ChannelAdvisor ignoresVolume = ChannelAdvisor.builder().weight(DecisionPoint.VOLUME, 0).build();
        assertThat(ignoresVolume.advise(AdvisorAnswers.of(Volume.HIGH, TeamSize.ONE, IssueMix.SIMPLE, Growth.SMALL))
                .strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(ignoresVolume.advise(AdvisorAnswers.of(Volume.MEDIUM, TeamSize.ONE, IssueMix.SIMPLE, Growth.SMALL))
                .strategy()).isEqualTo(Strategy.WHATSAPP_ONLY);
    }

    @Test
    @DisplayName("the hard rule never yields WhatsApp only for HIGH or FOUR_PLUS, over all 81 combinations")
    void hardRuleEverywhere() {
        for (AdvisorAnswers answers : allCombinations()) {
            Advice advice = ADVISOR.advise(answers);
            if (answers.volume() == Volume.HIGH || answers.teamSize() == TeamSize.FOUR_PLUS) {
                assertThat(advice.strategy()).as(answers.toString()).isNotEqualTo(Strategy.WHATSAPP_ONLY);
            } else {
                assertThat(advice.hardRuleApplied()).as(answers.toString()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("weights can be changed; zero leaves a point out of the score")
    void customWeights() {
        AdvisorAnswers answers = AdvisorAnswers.of(Volume.LOW, TeamSize.TWO_TO_THREE, IssueMix.MIXED, Growth.ENTERPRISE);
        assertThat(ADVISOR.advise(answers).strategy()).isEqualTo(Strategy.HYBRID);
        ChannelAdvisor growthOnly = ChannelAdvisor.builder().weight(DecisionPoint.VOLUME, 0)
                .weight(DecisionPoint.TEAM_SIZE, 0).weight(DecisionPoint.ISSUE_MIX, 0).build();
        Advice advice = growthOnly.advise(answers);
        assertThat(advice.strategy()).isEqualTo(Strategy.TICKETS_ONLY);
        assertThat(advice.score()).isEqualTo(1.0);
        assertThat(advice.summary()).contains("(0*(-1) + 0*0 + 0*0 + 1*(+1)) / 1 = +1.00");
        assertThat(growthOnly.weights()).containsEntry(DecisionPoint.GROWTH, 1.0).containsEntry(DecisionPoint.VOLUME, 0.0);
        assertThat(growthOnly.toBuilder().build().weights()).isEqualTo(growthOnly.weights());
    }

    @Test
    @DisplayName("standard weights: volume 2, team size 1, complexity 2, growth 1")
    void standardWeights() {
        assertThat(ChannelAdvisor.standard().weights()).containsExactly(Map.entry(DecisionPoint.VOLUME, 2.0),
                Map.entry(DecisionPoint.TEAM_SIZE, 1.0), Map.entry(DecisionPoint.ISSUE_MIX, 2.0),
                Map.entry(DecisionPoint.GROWTH, 1.0));
        assertThat(ChannelAdvisor.standard().weight(DecisionPoint.ISSUE_MIX)).isEqualTo(2.0);
        assertThatThrownBy(() -> ChannelAdvisor.standard().weights().put(DecisionPoint.GROWTH, 5.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({"-1", "NaN", "Infinity", "1000.5"})
    void badWeightsAreRefused(double weight) {
        assertThatThrownBy(() -> ChannelAdvisor.builder().weight(DecisionPoint.TEAM_SIZE, weight))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("weights.teamSize"));
    }

    @Test
    void allZeroWeightsAreRefused() {
        ChannelAdvisor.Builder b = ChannelAdvisor.builder();
        for (DecisionPoint p : DecisionPoint.values()) {
            b.weight(p, 0);
        }
        assertThatThrownBy(b::build).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("weights"));
    }

    @Test
    @DisplayName("null input is refused with an InvalidInputException naming the field")
    void nullsAreRefused() {
        assertThatThrownBy(() -> ADVISOR.advise((AdvisorAnswers) null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("answers"));
        assertThatThrownBy(() -> ADVISOR.advise((MeasuredFigures) null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("figures"));
        assertThatThrownBy(() -> ChannelAdvisor.builder().weight(null, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ADVISOR.weight(null)).isInstanceOf(InvalidInputException.class);
    }
}
