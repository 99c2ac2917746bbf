package za.co.proconnectsa.support.whatsapp.cloud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Cloud API client keeps its dependencies in their places. */
class CloudArchitectureTest {

    private static JavaClasses cloud;

    @BeforeAll
    static void importCloud() {
        cloud = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("za.co.proconnectsa.support.whatsapp.cloud");
    }

    @Test
    @DisplayName("only GraphJson touches Jackson, so no Jackson type reaches the API")
    void jacksonOnlyInGraphJson() {
        noClasses().that().doNotHaveSimpleName("GraphJson")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(cloud);
    }

    @Test
    @DisplayName("only the client, GraphSender (messages) and GraphMedia (media downloads and uploads) touch java.net.http")
    void httpOnlyInSender() {
        noClasses().that().doNotHaveSimpleName("GraphSender").and().doNotHaveSimpleName("WhatsAppCloudClient")
                .and().doNotHaveSimpleName("GraphMedia")
                .and().doNotHaveFullyQualifiedName(WhatsAppCloudClient.Builder.class.getName())
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(cloud);
    }

    @Test
    @DisplayName("nothing prints to the console or uses java.util.logging: logs go through slf4j")
    void loggingThroughSlf4j() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .check(cloud);
    }
}
