package za.co.proconnectsa.support.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/**
 * The data-subject contract on the in-memory store; its "every stored text" is every string (and id) reachable from
 * the store's fields, walked through records, collections, maps and the library's own classes.
 */
class InMemoryDataSubjectTest extends DataSubjectContract {

    private InMemoryTicketStore store;

    @Override
    protected TicketStore createStore() {
        store = InMemoryTicketStore.create();
        return store;
    }

    @Override
    protected List<String> everyStoredText() {
        List<String> out = new ArrayList<>();
        walk(store, out, new IdentityHashMap<>());
        return out;
    }

    private static void walk(Object value, List<String> out, Map<Object, Boolean> seen) {
        if (value == null || value instanceof Enum<?> || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.temporal.Temporal || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof CharSequence s) {
            out.add(s.toString());
        } else if (value instanceof byte[] bytes) {
            // job payloads: JSON text
            out.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } else if (value instanceof java.util.UUID id) {
            out.add(id.toString());
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(k, out, seen);
                walk(v, out, seen);
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> walk(item, out, seen));
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                walk(item, out, seen);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    walk(c.getAccessor().invoke(value), out, seen);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value.getClass().getName().startsWith("za.co.proconnectsa.")) {
            for (Class<?> type = value.getClass(); type != null; type = type.getSuperclass()) {
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        walk(f.get(value), out, seen);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
