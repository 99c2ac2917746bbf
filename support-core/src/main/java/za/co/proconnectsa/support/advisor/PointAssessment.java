package za.co.proconnectsa.support.advisor;

import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * How one decision point was assessed: its answer, the strategy that answer suggests on its own, the
 * weight it carried, and the reason in words (quoting the measured figures when the advice came from
 * {@link MeasuredFigures}).
 *
 * @param answer the answer to the point
 * @param weight the weight the point carried, finite and at least 0
 * @param reason why the answer suggests its strategy, for people, e.g. "Volume: 35 requests a day is
 *               medium (10-50): a hybrid works best."
 */
public record PointAssessment(Answer answer, double weight, String reason) {

    /**
     * Creates an assessment.
     *
     * @param answer the answer to the point
     * @param weight the weight the point carried, finite and at least 0
     * @param reason why the answer suggests its strategy, for people
     * @throws InvalidInputException naming every refused field ({@code answer}, {@code weight}, {@code reason})
     */
    public PointAssessment {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (answer == null) {
            errors.add(new InvalidInputException.FieldError("answer", "must not be null"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new InvalidInputException.FieldError("reason", "must not be blank"));
        }
        if (!Double.isFinite(weight) || weight < 0) {
            errors.add(new InvalidInputException.FieldError("weight", "must be a finite number of at least 0, was " + weight));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** @return the decision point assessed */
    public DecisionPoint point() {
        return answer.point();
    }

    /** @return the strategy this point alone suggests */
    public Strategy suggests() {
        return answer.suggests();
    }

    /**
     * What this point adds to the weighted sum: its weight times the {@link Strategy#position()} it suggests.
     *
     * @return the contribution, negative towards WhatsApp, positive towards tickets
     */
    public double contribution() {
        return weight * answer.suggests().position();
    }

    @Override
    public String toString() {
        return reason + " (weight " + Texts.plain(weight) + ", favours " + suggests() + ")";
    }
}
