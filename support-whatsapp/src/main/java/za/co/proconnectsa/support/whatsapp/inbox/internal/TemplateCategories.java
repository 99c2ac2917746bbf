package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateCategory;

/**
 * The category of each approved template the inbox sends: as the host configured it, then as Meta's
 * {@code template_category_update} webhooks last set it, so the next send uses the new category. Kept in memory,
 * per instance.
 */
public final class TemplateCategories {

    private final Map<String, TemplateCategory> byName = new ConcurrentHashMap<>();

    /** @param configured the categories the host gave, by template name */
    public TemplateCategories(Map<String, TemplateCategory> configured) {
        byName.putAll(configured);
    }

    /** @param name a template @return its category, when known */
    public Optional<TemplateCategory> of(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * @param name     a template
     * @param category its category from now on
     */
    public void set(String name, TemplateCategory category) {
        byName.put(name, category);
    }
}
