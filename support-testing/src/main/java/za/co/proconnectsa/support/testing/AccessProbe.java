package za.co.proconnectsa.support.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;
import za.co.proconnectsa.support.SupportException;

/**
 * What one attempted operation did, for access tests: what it returned, or the exception it threw, and a fingerprint
 * of that answer with the identifier the caller wrote taken out, so that the answer about someone else's ticket,
 * conversation or file can be compared with the answer about one that does not exist. {@link AccessMatrixContract}
 * judges every cell of its matrix with it; a host can probe operations of its own the same way.
 *
 * <pre>{@code
 * AccessProbe onTheirs = AccessProbe.attempt(() -> desk.tickets().get(pieter, thandisNumber));
 * AccessProbe onMissing = AccessProbe.attempt(() -> desk.tickets().get(pieter, "PCS-099999"));
 * assertThat(onTheirs.fingerprint(thandisNumber, thandisNumber))
 *         .isEqualTo(onMissing.fingerprint("PCS-099999", "PCS-099999"));
 * }</pre>
 *
 * @param result what the operation returned, or {@code null} when it threw
 * @param error  the exception it threw, or {@code null} when it returned
 */
public record AccessProbe(Object result, RuntimeException error) {

    /**
     * Runs an operation and keeps what it did; a {@link RuntimeException} is kept, not thrown.
     *
     * @param operation the operation
     * @return its result or its exception
     */
    public static AccessProbe attempt(Supplier<?> operation) {
        try {
            return new AccessProbe(operation.get(), null);
        } catch (RuntimeException e) {
            return new AccessProbe(null, e);
        }
    }

    /** @return whether the operation returned instead of throwing */
    public boolean allowed() {
        return error == null;
    }

    /**
     * @return whether the operation returned or failed with one of the library's typed exceptions
     *         ({@link SupportException}), never a bare NullPointerException or a driver's error
     */
    public boolean typed() {
        return error == null || error instanceof SupportException;
    }

    /**
     * The answer as an outsider sees it: for a result, that it was allowed and the result's type; for an exception,
     * its class, message, every field and the class of its cause. Every form of the identifier (as written, as
     * written without surrounding white space, and as stored) is replaced by {@code <id>}, so the fingerprints of
     * two calls that differ only in the identifier are equal exactly when nothing else tells them apart.
     *
     * @param written the identifier as the caller wrote it
     * @param id      the identifier as stored
     * @return the fingerprint
     */
    public String fingerprint(String written, String id) {
        if (error == null) {
            return "allowed " + (result == null ? "null" : result.getClass().getSimpleName());
        }
        StringBuilder out = new StringBuilder(error.getClass().getName()).append(": ").append(error.getMessage());
        for (Class<?> c = error.getClass(); c != RuntimeException.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        out.append(" | ").append(field.getName()).append('=').append(field.get(error));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        out.append(" | ").append(field.getName()).append("=?");
                    }
                }
            }
        }
        out.append(" | cause=").append(error.getCause() == null ? "none" : error.getCause().getClass().getName());
        String text = out.toString();
        for (String form : List.of(written, written.strip(), id)) {
            if (!form.isEmpty()) {
                text = text.replace(form, "<id>");
            }
        }
        return text;
    }

    @Override
    public String toString() {
        return error == null ? "allowed: " + result : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
