package za.co.proconnectsa.support.jdbc;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Fingerprints;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Retries;
import za.co.proconnectsa.support.internal.Retry;
import za.co.proconnectsa.support.internal.Text;

class ModuleBoundaryTest {

    /**
     * The helpers of core's internal package that the library modules share (argument checks, text rules, phone
     * masking, the SHA-256 helper, the retry); not API for hosts, and everything else in it stays core's own.
     */
    private static final Class<?>[] SHARED_HELPERS = {Checks.class, Text.class, PhoneMasking.class,
        Fingerprints.class, Retry.class, Retries.class};

    @Test
    @DisplayName("support-jdbc uses core's public API and, of its internal package, only the helpers the modules share")
    void publicApiOnly() {
        noClasses().should().dependOnClassesThat(resideInAPackage("za.co.proconnectsa.support.internal..")
                        .and(not(belongToAnyOf(SHARED_HELPERS))))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("za.co.proconnectsa.support.jdbc"));
    }
}
