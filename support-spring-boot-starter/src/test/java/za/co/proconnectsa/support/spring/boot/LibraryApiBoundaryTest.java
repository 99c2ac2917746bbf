package za.co.proconnectsa.support.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of every library module at once (core, jdbc, whatsapp, testing and this starter, all on this
 * module's class path): no public {@code util} package, and no public or protected member of an API type that takes,
 * returns or holds a type of an {@code internal} package, so a host never has to touch one.
 */
class LibraryApiBoundaryTest {

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("za.co.proconnectsa.support");
    }

    @Test
    @DisplayName("the rules see the classes of all five library modules")
    void coversEveryModule() {
        assertThat(List.of("za.co.proconnectsa.support.SupportDesk", "za.co.proconnectsa.support.jdbc.JdbcTicketStore",
                "za.co.proconnectsa.support.whatsapp.WhatsAppLinks", "za.co.proconnectsa.support.testing.TicketStoreContract",
                "za.co.proconnectsa.support.spring.boot.SupportProperties"))
                .allSatisfy(name -> assertThat(library.contain(name)).as(name).isTrue());
    }

    @Test
    @DisplayName("no module has a util package: helpers live in internal, or are a documented API type")
    void noUtilPackage() {
        noClasses().should().resideInAPackage("..util..").check(library);
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
                .check(library);
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
        type.getRawInterfaces().stream().filter(i -> i.getPackageName().contains(".internal"))
                .forEach(i -> leaks.add(type.getName() + " implements " + i.getName()));
        return leaks;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
