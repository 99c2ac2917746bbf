package za.co.proconnectsa.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.sla.SlaPolicies.Selector;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;

class SlaPoliciesTest {

    private static SlaPolicy named(String name) {
        return SlaPolicy.builder(name).target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(1))).build();
    }

    private static final SlaPolicy STANDARD = named("Standard");
    private static final SlaPolicy URGENT = named("Urgent");
    private static final SlaPolicy BILLING = named("Billing");
    private static final SlaPolicy URGENT_BILLING = named("Urgent billing");
    private static final SlaPolicy CHAT = named("Chat");
    private static final SlaPolicy BILLING_BY_CHAT = named("Billing by chat");

    private static final SlaPolicies POLICIES = SlaPolicies.builder(STANDARD)
            .forOrigin(OriginChannel.WHATSAPP, CHAT)
            .forCategory(Category.BILLING, BILLING)
            .forPriority(Priority.URGENT, URGENT)
            .rule(Selector.any().priority(Priority.URGENT).category(Category.BILLING), URGENT_BILLING)
            .rule(Selector.any().category(Category.BILLING).origin(OriginChannel.WHATSAPP), BILLING_BY_CHAT)
            .build();

    @Test
    @DisplayName("the most specific matching rule wins, else the default")
    void mostSpecific() {
        assertThat(POLICIES.policyFor(Priority.NORMAL, Category.GENERAL, OriginChannel.WEB)).isEqualTo(STANDARD);
        assertThat(POLICIES.policyFor(Priority.URGENT, Category.GENERAL, OriginChannel.WEB)).isEqualTo(URGENT);
        assertThat(POLICIES.policyFor(Priority.NORMAL, Category.BILLING, OriginChannel.WEB)).isEqualTo(BILLING);
        assertThat(POLICIES.policyFor(Priority.URGENT, Category.BILLING, OriginChannel.WEB)).isEqualTo(URGENT_BILLING);
        assertThat(POLICIES.policyFor(Priority.NORMAL, Category.BILLING, OriginChannel.WHATSAPP)).isEqualTo(BILLING_BY_CHAT);
        assertThat(POLICIES.policyFor(Priority.LOW, Category.TECHNICAL, OriginChannel.WHATSAPP)).isEqualTo(CHAT);
    }

    @Test
    @DisplayName("between rules naming as many attributes: priority, then category, then origin")
    void ties() {
        // URGENT + BILLING + WHATSAPP: both two-attribute rules match; the one naming the priority wins
        assertThat(POLICIES.policyFor(Priority.URGENT, Category.BILLING, OriginChannel.WHATSAPP)).isEqualTo(URGENT_BILLING);
        // URGENT + WHATSAPP: priority beats origin
        assertThat(POLICIES.policyFor(Priority.URGENT, Category.GENERAL, OriginChannel.WHATSAPP)).isEqualTo(URGENT);
        assertThat(POLICIES.rules().get(0).policy()).isEqualTo(URGENT_BILLING);
    }

    @Test
    @DisplayName("a WhatsApp conversation gets the WhatsApp rule that names no priority or category")
    void whatsAppConversation() {
        assertThat(POLICIES.policyForWhatsAppConversation()).isEqualTo(CHAT);
        assertThat(SlaPolicies.of(STANDARD).policyForWhatsAppConversation()).isEqualTo(STANDARD);
        SlaPolicies priorityOnly = SlaPolicies.builder(STANDARD).forPriority(Priority.NORMAL, URGENT).build();
        assertThat(priorityOnly.policyForWhatsAppConversation()).isEqualTo(STANDARD);
    }

    @Test
    @DisplayName("refuses a rule for every ticket, the same selector twice and nulls")
    void refused() {
        SlaPolicies.Builder b = SlaPolicies.builder(STANDARD).forPriority(Priority.HIGH, URGENT);
        assertThatThrownBy(() -> b.rule(Selector.any(), URGENT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("selector");
        assertThatThrownBy(() -> b.forPriority(Priority.HIGH, BILLING)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> b.forCategory(null, BILLING)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.forOrigin(OriginChannel.EMAIL, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlaPolicies.builder(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> POLICIES.policyFor(null, Category.BILLING, OriginChannel.WEB))
                .isInstanceOf(InvalidInputException.class);
    }
}
