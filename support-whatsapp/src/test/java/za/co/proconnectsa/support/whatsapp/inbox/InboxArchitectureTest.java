package za.co.proconnectsa.support.whatsapp.inbox;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.internal.OutboundMessages;

class InboxArchitectureTest {

    private static JavaClasses whatsapp;

    @BeforeAll
    static void importModule() {
        whatsapp = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("za.co.proconnectsa.support.whatsapp");
    }

    @Test
    @DisplayName("only OutboundMessages calls the Cloud API client to send, so every send of the inbox takes one path; media downloads only read")
    void oneSendingPart() {
        noClasses().that().resideInAPackage("za.co.proconnectsa.support.whatsapp.inbox..")
                .and().doNotHaveFullyQualifiedName(OutboundMessages.class.getName())
                .should().callMethodWhere(describe("a method of WhatsAppCloudClient other than a media download",
                        call -> call.getTargetOwner().isAssignableTo(WhatsAppCloudClient.class)
                                && !READING.contains(call.getName())))
                .check(whatsapp);
    }

    /** The client's calls that send nothing to a customer. */
    private static final java.util.Set<String> READING = java.util.Set.of("downloadMedia", "mediaInfo");

    @Test
    @DisplayName("inbox.internal is used by the inbox only")
    void internalStaysInside() {
        noClasses().that().resideOutsideOfPackage("za.co.proconnectsa.support.whatsapp.inbox..")
                .should().dependOnClassesThat().resideInAPackage("za.co.proconnectsa.support.whatsapp.inbox.internal..")
                .check(whatsapp);
    }
}
