package za.co.proconnectsa.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("za.co.proconnectsa.support");
    }

    @Test
    @DisplayName("support-core depends only on the JDK (javax.crypto for the signed webhooks and survey links), "
            + "jakarta.validation, slf4j, (for JSON rules and notifications) Jackson and (for the routing classifier) OpenNLP")
    void noFramework() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "jakarta.validation..", "org.slf4j..",
                        "com.fasterxml.jackson..",
                        "opennlp.tools..", "za.co.proconnectsa.support..")
                .check(core);
    }

    @Test
    @DisplayName("OpenNLP is used only inside the routing model, so no OpenNLP type reaches the public API")
    void openNlpOnlyInTheModel() {
        noClasses().that().doNotHaveSimpleName("RoutingModel")
                .should().dependOnClassesThat().resideInAPackage("opennlp.tools..")
                .check(core);
    }

    @Test
    @DisplayName("Jackson is used only to read routing rules and to write notifications (queue payloads, webhook bodies)")
    void jacksonOnlyForRules() {
        noClasses().that().doNotHaveSimpleName("PolicyJson").and().doNotHaveSimpleName("NotificationJson")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(core);
    }

    @Test
    @DisplayName("support-core uses no other module of ours")
    void noOtherModule() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("za.co.proconnectsa.support.testing..", "za.co.proconnectsa.support.jdbc..",
                        "za.co.proconnectsa.support.whatsapp..", "za.co.proconnectsa.support.examples..")
                .check(core);
    }

    // no util package and no internal type in the API: LibraryApiBoundaryTest in the starter checks every module
}
