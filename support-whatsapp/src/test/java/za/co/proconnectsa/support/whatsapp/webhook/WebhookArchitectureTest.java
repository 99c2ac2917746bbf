package za.co.proconnectsa.support.whatsapp.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookArchitectureTest {

    private static JavaClasses webhook;

    @BeforeAll
    static void importWebhook() {
        webhook = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("za.co.proconnectsa.support.whatsapp.webhook");
    }

    @Test
    @DisplayName("the webhook package uses only the JDK, Jackson, slf4j and support-core (its API, SPIs, job queue and the internal checks)")
    void dependencies() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "com.fasterxml.jackson..", "org.slf4j..",
                        "za.co.proconnectsa.support", "za.co.proconnectsa.support.internal",
                        "za.co.proconnectsa.support.spi..", "za.co.proconnectsa.support.queue..",
                        "za.co.proconnectsa.support.whatsapp.webhook..")
                .check(webhook);
    }

    @Test
    @DisplayName("Jackson stays inside webhook.internal")
    void jacksonInternal() {
        noClasses().that().resideInAPackage("za.co.proconnectsa.support.whatsapp.webhook")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(webhook);
    }
}
