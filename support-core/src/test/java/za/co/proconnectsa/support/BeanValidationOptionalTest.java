package za.co.proconnectsa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.PatternDef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;

/** The desk checks its own records; a Bean Validation provider is used only when the host passes a validator. */
class BeanValidationOptionalTest {

    /** Class-path entries of Bean Validation: the API, Hibernate Validator and what it brings. */
    private static boolean beanValidation(String entry) {
        String name = entry.replace('\\', '/').toLowerCase(java.util.Locale.ROOT);
        return name.contains("/jakarta/validation/") || name.contains("jakarta.validation-api")
                || name.contains("hibernate") || name.contains("expressly") || name.contains("jboss-logging")
                || name.contains("classmate") || name.contains("jakarta.el");
    }

    @Test
    @DisplayName("with no jakarta.validation on the class path at all, a desk is built, stores and refuses in plain words")
    void noProvider() throws Exception {
        List<URL> urls = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (beanValidation(entry)) {
                left.add(entry);
            } else {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(left).as("the class path had Bean Validation to leave out").isNotEmpty();
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("jakarta.validation.Validator", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            Object out = Class.forName(NoValidatorProbe.class.getName(), true, isolated).getMethod("run").invoke(null);

            assertThat(((String) out).lines().toList()).containsExactly(
                    "GENERAL",
                    "body: must not be empty or only spaces",
                    "subject: is too long: at most 200 characters, this one has 201",
                    "tags: each tag is 1 to 50 letters, digits, hyphens or underscores, so \u201chas space\u201d cannot be one");
        }
    }

    @Test
    @DisplayName("a host's validator adds its own constraints to the desk's checks, reported together")
    void hostValidator() {
        HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure();
        ConstraintMapping mapping = config.createConstraintMapping();
        mapping.type(NewTicket.class).field("subject")
                .constraint(new PatternDef().regexp("(?i)(?!.*password).*").message("must not mention a password"));
        Validator validator = config.addMapping(mapping).buildValidatorFactory().getValidator();
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).validator(validator).build();

        assertThatThrownBy(() -> desk.tickets().submit(Actor.requester("prov-17", "Thandi"),
                NewTicket.builder().subject("My password is hunter2").body("").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field() + ": " + f.message())
                        .containsExactlyInAnyOrder("body: must not be empty or only spaces",
                                "subject: must not mention a password"));
    }
}
