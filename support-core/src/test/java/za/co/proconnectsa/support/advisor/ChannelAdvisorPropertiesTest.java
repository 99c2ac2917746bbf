package za.co.proconnectsa.support.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The advice is monotonic in every answer and total on any valid figures. */
class ChannelAdvisorPropertiesTest {

    @Provide
    Arbitrary<AdvisorAnswers> answers() {
        return Combinators.combine(Arbitraries.of(Volume.class), Arbitraries.of(TeamSize.class),
                Arbitraries.of(IssueMix.class), Arbitraries.of(Growth.class)).as(AdvisorAnswers::of);
    }

    @Provide
    Arbitrary<ChannelAdvisor> advisors() {
        Arbitrary<Double> weight = Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, 2.0, 3.0),
                Arbitraries.doubles().between(0, ChannelAdvisor.MAX_WEIGHT));
        Arbitrary<ChannelAdvisor> custom = Combinators.combine(weight, weight, weight, weight)
                .filter((v, t, m, g) -> v + t + m + g > 0)
                .as((v, t, m, g) -> ChannelAdvisor.builder().weight(DecisionPoint.VOLUME, v)
                        .weight(DecisionPoint.TEAM_SIZE, t).weight(DecisionPoint.ISSUE_MIX, m)
                        .weight(DecisionPoint.GROWTH, g).build());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(ChannelAdvisor.standard())),
                net.jqwik.api.Tuple.of(3, custom));
    }

    @Property(tries = 2000)
    void raisingOneAnswerTowardsTicketsNeverMovesTowardsWhatsApp(@ForAll("advisors") ChannelAdvisor advisor,
            @ForAll("answers") AdvisorAnswers answers, @ForAll DecisionPoint point) {
        Answer current = answers.answer(point);
        Answer[] options = current.getClass().getEnumConstants();
        int next = ((Enum<?>) current).ordinal() + 1;
        if (next >= options.length) {
            return;
        }
        Answer raised = options[next];
        assertThat(raised.suggests().position()).isGreaterThan(current.suggests().position());

        Advice before = advisor.advise(answers);
        Advice after = advisor.advise(answers.with(raised));

        assertThat(after.strategy().position()).as("%s -> %s with %s", answers, raised, advisor)
                .isGreaterThanOrEqualTo(before.strategy().position());
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    }

    @Property(tries = 1000)
    void anyValidFiguresAreAdvisedDeterministically(
            @ForAll @DoubleRange(min = 0, max = 10_000) double requestsPerDay,
            @ForAll @IntRange(min = 1, max = 500) int agents,
            @ForAll @DoubleRange(min = 0, max = 1) double share,
            @ForAll @DoubleRange(min = -1, max = 20) double rate) {
        MeasuredFigures figures = MeasuredFigures.of(requestsPerDay, agents, share, rate);
        Advice first = ChannelAdvisor.standard().advise(figures);
        Advice second = ChannelAdvisor.standard().advise(figures);
        assertThat(second.strategy()).isEqualTo(first.strategy());
        assertThat(second.reasons()).isEqualTo(first.reasons());
        assertThat(first.summary()).endsWith(first.strategy() + ".");
        assertThat(first.score()).isBetween(-1.0, 1.0);
        if (figures.toAnswers().volume() == Volume.HIGH || figures.toAnswers().teamSize() == TeamSize.FOUR_PLUS) {
            assertThat(first.strategy()).isNotEqualTo(Strategy.WHATSAPP_ONLY);
        }
    }
}
