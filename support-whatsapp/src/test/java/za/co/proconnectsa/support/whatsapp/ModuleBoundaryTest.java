package za.co.proconnectsa.support.whatsapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    @DisplayName("support-whatsapp uses core's public API only, never its internal package, nor the JDBC module")
    void publicApiOnly() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("za.co.proconnectsa.support.internal..", "za.co.proconnectsa.support.jdbc..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("za.co.proconnectsa.support.whatsapp"));
    }
}
