package za.co.proconnectsa.support.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    @DisplayName("support-jdbc uses core's public API only, never its internal package")
    void publicApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("za.co.proconnectsa.support.internal..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("za.co.proconnectsa.support.jdbc"));
    }
}
