package za.co.proconnectsa.support.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;

/**
 * The page a requester reaches from the "How did we do?" e-mail: its signed link stands for them, so they need not
 * sign in. The desk checks the link and takes one answer per ticket.
 */
@Controller
class SurveyController {

    private final SupportDesk desk;

    SurveyController(SupportDesk desk) {
        this.desk = desk;
    }

    /** The form, or the answer already given; a link this desk did not sign is refused here, before any typing. */
    @GetMapping("/survey")
    String form(@RequestParam("t") String token, Model model) {
        SatisfactionSurvey survey = desk.satisfaction().surveyForLink(token);
        if (survey.score() != null) {
            model.addAttribute("survey", survey);
            model.addAttribute("earlier", true);
            return "survey-thanks";
        }
        model.addAttribute("ticketNumber", survey.ticketNumber());
        model.addAttribute("token", token);
        model.addAttribute("maxComment", SatisfactionSurvey.MAX_COMMENT_LENGTH);
        return "survey";
    }

    @PostMapping("/survey")
    String answer(@RequestParam("t") String token, @RequestParam("score") int score,
            @RequestParam(name = "comment", defaultValue = "") String comment, Model model) {
        SatisfactionSurvey survey = desk.satisfaction().answerWithLink(token, score,
                comment.isBlank() ? null : comment);
        model.addAttribute("survey", survey);
        model.addAttribute("earlier", false);
        return "survey-thanks";
    }
}
