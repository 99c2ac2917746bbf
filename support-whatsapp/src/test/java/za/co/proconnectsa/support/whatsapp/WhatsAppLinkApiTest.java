package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportException;

/** The links API's surface: no libphonenumber or zxing type leaks out, and its exception is the SDK's own. */
class WhatsAppLinkApiTest {

    private static final List<Class<?>> API = List.of(LinkStyle.class, WhatsAppNumber.class,
            InvalidPhoneNumberException.class, InvalidPhoneNumberException.Reason.class, ReferenceCode.class,
            WhatsAppLink.class, WhatsAppLink.Builder.class, WhatsAppQrCode.class, WhatsAppLinks.class);

    @Test
    @DisplayName("public signatures use only JDK and SDK types, never libphonenumber's or zxing's")
    void noThirdPartyTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isTrue();
            Stream.concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .filter(e -> Modifier.isPublic(e.getModifiers()))
                    .forEach(e -> {
                        List<Class<?>> used = new ArrayList<>(List.of(e.getParameterTypes()));
                        used.addAll(List.of(e.getExceptionTypes()));
                        if (e instanceof Method) {
                            used.add(((Method) e).getReturnType());
                        }
                        for (Class<?> c : used) {
                            String name = c.isArray() ? c.getComponentType().getName() : c.getName();
                            if (!c.isPrimitive() && !name.startsWith("java.") && !name.startsWith("za.co.proconnectsa.")
                                    && !(c.isArray() && c.getComponentType().isPrimitive())) {
                                leaks.add(describe(type, e) + " uses " + name);
                            }
                            if (name.contains(".internal.")) {
                                leaks.add(describe(type, e) + " uses the internal " + name);
                            }
                        }
                    });
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    @DisplayName("a refused number is a SupportException, like every error of the SDK")
    void exceptionRoot() {
        assertThat(SupportException.class).isAssignableFrom(InvalidPhoneNumberException.class);
    }

    private static String describe(Class<?> type, Executable e) {
        return type.getSimpleName() + "." + e.getName();
    }
}
