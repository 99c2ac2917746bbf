package za.co.proconnectsa.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    @DisplayName("there is no public util package: helpers live in internal, or are a documented API type")
    void noUtilPackage() {
        noClasses().should().resideInAPackage("za.co.proconnectsa.support.util..").check(core);
        assertThatCode(() -> Class.forName("za.co.proconnectsa.support.TextRules")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("no public or protected member of an API type takes, returns or holds an internal type")
    void noInternalLeak() {
        classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
                .should(new ArchCondition<JavaClass>("expose no type of an internal package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (String leak : leaks(type)) {
                            events.add(SimpleConditionEvent.violated(type, leak));
                        }
                    }
                })
                .check(core);
    }

    private static List<String> leaks(JavaClass type) {
        List<String> leaks = new ArrayList<>();
        for (JavaCodeUnit unit : type.getCodeUnits()) {
            if (!visible(unit.getModifiers())) {
                continue;
            }
            List<JavaClass> used = new ArrayList<>(unit.getRawParameterTypes());
            used.add(unit.getRawReturnType());
            for (JavaClass t : used) {
                if (t.getPackageName().contains(".internal")) {
                    leaks.add(unit.getFullName() + " uses " + t.getName());
                }
            }
        }
        type.getFields().stream().filter(f -> visible(f.getModifiers()))
                .filter(f -> f.getRawType().getPackageName().contains(".internal"))
                .forEach(f -> leaks.add(f.getFullName() + " is a " + f.getRawType().getName()));
        if (type.getRawSuperclass().map(s -> s.getPackageName().contains(".internal")).orElse(false)) {
            leaks.add(type.getName() + " extends an internal type");
        }
        return leaks;
    }

    private static boolean visible(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
