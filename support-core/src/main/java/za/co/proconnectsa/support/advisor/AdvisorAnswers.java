package za.co.proconnectsa.support.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * The answers to all four decision points, as a person gives them in a questionnaire. Build with
 * {@link #of(Volume, TeamSize, IssueMix, Growth)} or {@link #builder()}; to derive them from analytics,
 * use {@link MeasuredFigures#toAnswers()}.
 *
 * @param volume   how many support requests arrive per day
 * @param teamSize how many people handle support
 * @param issueMix what kinds of issues they handle
 * @param growth   where the business wants to be in six months
 */
public record AdvisorAnswers(Volume volume, TeamSize teamSize, IssueMix issueMix, Growth growth) {

    /**
     * Creates the answers.
     *
     * @param volume   how many support requests arrive per day
     * @param teamSize how many people handle support
     * @param issueMix what kinds of issues they handle
     * @param growth   where the business wants to be in six months
     * @throws InvalidInputException naming every missing answer ({@code volume}, {@code teamSize},
     *                             {@code issueMix}, {@code growth})
     */
    public AdvisorAnswers {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        requireAnswer(errors, DecisionPoint.VOLUME, volume);
        requireAnswer(errors, DecisionPoint.TEAM_SIZE, teamSize);
        requireAnswer(errors, DecisionPoint.ISSUE_MIX, issueMix);
        requireAnswer(errors, DecisionPoint.GROWTH, growth);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(InvalidInputException.FieldError::field));
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Creates the answers.
     *
     * @param volume   how many support requests arrive per day
     * @param teamSize how many people handle support
     * @param issueMix what kinds of issues they handle
     * @param growth   where the business wants to be in six months
     * @return the answers
     * @throws InvalidInputException naming every missing answer
     */
    public static AdvisorAnswers of(Volume volume, TeamSize teamSize, IssueMix issueMix, Growth growth) {
        return new AdvisorAnswers(volume, teamSize, issueMix, growth);
    }

    /** @return a builder with no answers yet */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the answer to one decision point.
     *
     * @param point the decision point
     * @return its answer
     * @throws InvalidInputException on field {@code point} if it is null
     */
    public Answer answer(DecisionPoint point) {
        if (point == null) {
            throw InvalidInputException.of("point", "must not be null");
        }
        return switch (point) {
            case VOLUME -> volume;
            case TEAM_SIZE -> teamSize;
            case ISSUE_MIX -> issueMix;
            case GROWTH -> growth;
        };
    }

    /** @return the four answers in the order of {@link DecisionPoint}: volume, team size, issue mix, growth */
    public List<Answer> all() {
        return List.of(volume, teamSize, issueMix, growth);
    }

    /**
     * Returns a copy with one answer replaced, for "what if" questions.
     *
     * @param answer the new answer; its {@link Answer#point()} says which one it replaces
     * @return the changed copy
     * @throws InvalidInputException on field {@code answer} if it is null
     */
    public AdvisorAnswers with(Answer answer) {
        if (answer == null) {
            throw InvalidInputException.of("answer", "must not be null");
        }
        return switch (answer.point()) {
            case VOLUME -> new AdvisorAnswers((Volume) answer, teamSize, issueMix, growth);
            case TEAM_SIZE -> new AdvisorAnswers(volume, (TeamSize) answer, issueMix, growth);
            case ISSUE_MIX -> new AdvisorAnswers(volume, teamSize, (IssueMix) answer, growth);
            case GROWTH -> new AdvisorAnswers(volume, teamSize, issueMix, (Growth) answer);
        };
    }

    private static void requireAnswer(List<InvalidInputException.FieldError> errors, DecisionPoint point, Answer a) {
        if (a == null) {
            errors.add(new InvalidInputException.FieldError(point.field(), "must be answered"));
        }
    }

    /** Builds {@link AdvisorAnswers}; every answer must be given. */
    public static final class Builder {
        private Volume volume;
        private TeamSize teamSize;
        private IssueMix issueMix;
        private Growth growth;

        private Builder() {
        }

        /**
         * @param value support requests per day
         * @return this builder
         */
        public Builder volume(Volume value) {
            this.volume = value;
            return this;
        }

        /**
         * @param value people handling support
         * @return this builder
         */
        public Builder teamSize(TeamSize value) {
            this.teamSize = value;
            return this;
        }

        /**
         * @param value the kinds of issues
         * @return this builder
         */
        public Builder issueMix(IssueMix value) {
            this.issueMix = value;
            return this;
        }

        /**
         * @param value the six-month plan
         * @return this builder
         */
        public Builder growth(Growth value) {
            this.growth = value;
            return this;
        }

        /**
         * @return the answers
         * @throws InvalidInputException naming every answer not given
         */
        public AdvisorAnswers build() {
            return new AdvisorAnswers(volume, teamSize, issueMix, growth);
        }
    }
}
