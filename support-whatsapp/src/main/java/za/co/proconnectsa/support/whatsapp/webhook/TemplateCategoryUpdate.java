package za.co.proconnectsa.support.whatsapp.webhook;

import java.time.Instant;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Meta changed, or is about to change, the category of an approved template: the {@code template_category_update}
 * webhook field (Meta's template_category_update webhook reference). A completed change carries the previous and the
 * new category; an impending one carries the category Meta found correct and when it takes effect.
 *
 * @param templateId       the template's id ({@code message_template_id}), as text
 * @param templateName     its name ({@code message_template_name})
 * @param language         its language ({@code message_template_language}), or null
 * @param previousCategory the category before a completed change ({@code previous_category}), or null
 * @param newCategory      the category now ({@code new_category}), or null
 * @param correctCategory  the category an impending change will set ({@code correct_category}), or null
 * @param effectiveAt      when an impending change takes effect ({@code category_update_timestamp}), or null
 */
public record TemplateCategoryUpdate(String templateId, String templateName, String language, String previousCategory,
        String newCategory, String correctCategory, Instant effectiveAt) implements WebhookEvent {

    /**
     * Checks the template's name.
     *
     * @param templateId the template's id ({@code message_template_id}), as text
     * @param templateName its name ({@code message_template_name})
     * @param language its language ({@code message_template_language}), or null
     * @param previousCategory the category before a completed change ({@code previous_category}), or null
     * @param newCategory the category now ({@code new_category}), or null
     * @param correctCategory the category an impending change will set ({@code correct_category}), or null
     * @param effectiveAt when an impending change takes effect ({@code category_update_timestamp}), or null
     */
    public TemplateCategoryUpdate {
        Checks.notNull(templateName, "templateName");
    }

    /** @return whether the change is done (rather than announced): a previous category is given */
    public boolean completed() {
        return previousCategory != null;
    }
}
