package za.co.proconnectsa.support.portal.privacy;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectExport;
import za.co.proconnectsa.support.privacy.RedactionReport;

/**
 * The data subjects page for admins: export everything held about a person, erase or anonymise them (erasure after
 * a confirmation step), record marketing consent and read a contact's ledger, and the trail of requests. Every form
 * carries a CSRF token; the desk checks that the signed-in user may manage data subjects.
 */
@Controller
public class DataSubjectController {

    private static final int TRAIL = 50;
    private static final Map<String, String> LABELS = Map.of(
            "requesterId", "The requester id",
            "contact", "The WhatsApp number",
            "name", "The name",
            "email", "The e-mail address",
            "phone", "The phone number",
            "reason", "The reason",
            "source", "Where the consent was given");

    private final SupportDesk desk;

    DataSubjectController(SupportDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/admin/data-subjects")
    String page(@RequestParam(required = false) String ledger, Model model, Principal principal) {
        Actor admin = admin(principal);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DataSubjectForm());
        }
        if (ledger != null && !ledger.isBlank()) {
            model.addAttribute("ledgerContact", ledger.strip());
            try {
                model.addAttribute("ledger", desk.dataSubjects().consentHistory(admin, ledger.strip()));
            } catch (InvalidInputException e) {
                model.addAttribute("problems", plain(e));
            }
        }
        model.addAttribute("choices", ConsentChoice.values());
        model.addAttribute("trail", desk.dataSubjects().requests(admin, TRAIL));
        return "admin/data-subjects";
    }

    @PostMapping("/admin/data-subjects/export")
    Object export(@ModelAttribute("form") DataSubjectForm form, Model model, Principal principal) {
        Actor admin = admin(principal);
        DataSubjectExport export;
        try {
            export = desk.dataSubjects().export(admin, form.subject(), form.getReason());
        } catch (InvalidInputException e) {
            return refused(e, model, admin);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("data-subject-export.json").build().toString())
                .body(export.json().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/data-subjects/anonymise")
    String anonymise(@ModelAttribute("form") DataSubjectForm form, Model model, Principal principal,
            RedirectAttributes redirect) {
        Actor admin = admin(principal);
        try {
            RedactionReport report = desk.dataSubjects().anonymise(admin, form.subject(), form.getReason());
            redirect.addFlashAttribute("notice", "Anonymised: " + describe(report));
        } catch (InvalidInputException e) {
            return refused(e, model, admin);
        }
        return "redirect:/admin/data-subjects";
    }

    /** The first step of an erasure: shows what will happen and asks for the requester id again. */
    @PostMapping("/admin/data-subjects/erase")
    String confirmErase(@ModelAttribute("form") DataSubjectForm form, Model model, Principal principal) {
        Actor admin = admin(principal);
        try {
            form.subject();
        } catch (InvalidInputException e) {
            return refused(e, model, admin);
        }
        return "admin/data-subject-erase";
    }

    @PostMapping("/admin/data-subjects/erase/confirmed")
    String erase(@ModelAttribute("form") DataSubjectForm form, Model model, Principal principal,
            RedirectAttributes redirect) {
        Actor admin = admin(principal);
        DataSubject subject;
        try {
            subject = form.subject();
        } catch (InvalidInputException e) {
            return refused(e, model, admin);
        }
        if (!form.confirmed()) {
            model.addAttribute("problems", List.of("Type the requester id exactly as above to confirm the erasure."));
            return "admin/data-subject-erase";
        }
        try {
            RedactionReport report = desk.dataSubjects().erase(admin, subject, form.getReason());
            redirect.addFlashAttribute("notice", "Erased: " + describe(report));
        } catch (InvalidInputException e) {
            return refused(e, model, admin);
        }
        return "redirect:/admin/data-subjects";
    }

    @PostMapping("/admin/data-subjects/consent")
    String consent(@RequestParam(defaultValue = "") String contact, @RequestParam(required = false) ConsentChoice choice,
            @RequestParam(defaultValue = "") String source, Model model, Principal principal,
            RedirectAttributes redirect) {
        Actor admin = admin(principal);
        if (choice == null) {
            model.addAttribute("form", new DataSubjectForm());
            model.addAttribute("problems", List.of("Choose opt-in or opt-out."));
            return page(null, model, principal);
        }
        try {
            desk.dataSubjects().recordConsent(admin, contact.strip(), choice, source.strip());
        } catch (InvalidInputException e) {
            model.addAttribute("form", new DataSubjectForm());
            model.addAttribute("problems", plain(e));
            return page(null, model, principal);
        }
        redirect.addFlashAttribute("notice", (choice == ConsentChoice.OPT_IN ? "Opt-in" : "Opt-out")
                + " recorded for " + contact.strip() + ".");
        redirect.addAttribute("ledger", contact.strip());
        return "redirect:/admin/data-subjects";
    }

    private String refused(InvalidInputException e, Model model, Actor admin) {
        model.addAttribute("problems", plain(e));
        model.addAttribute("choices", ConsentChoice.values());
        model.addAttribute("trail", desk.dataSubjects().requests(admin, TRAIL));
        return "admin/data-subjects";
    }

    private Actor admin(Principal principal) {
        Actor actor = CurrentActor.of(principal);
        desk.accessPolicy().check(actor, Permission.MANAGE_DATA_SUBJECTS, null);
        return actor;
    }

    private static List<String> plain(InvalidInputException e) {
        return e.fieldErrors().stream()
                .map(f -> LABELS.getOrDefault(f.field(), "A value") + " " + f.message() + ".")
                .toList();
    }

    private static String describe(RedactionReport r) {
        return r.tickets() + " ticket(s), " + r.conversations() + " conversation(s), " + r.recordsChanged()
                + " record(s) changed; their records are now filed under " + r.subjectRef() + ".";
    }
}
