package za.co.proconnectsa.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    @DisplayName("the testing kit uses no class of an internal package: hosts' modules may not either")
    void noInternals() {
        JavaClasses kit = new ClassFileImporter().importPackages("za.co.proconnectsa.support.testing");
        noClasses().that().resideInAPackage("za.co.proconnectsa.support.testing..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .check(kit);
    }
}
