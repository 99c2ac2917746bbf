package za.co.proconnectsa.support.spring.boot;

import za.co.proconnectsa.support.SupportDesk;

/**
 * Changes the desk the starter builds, before it is built: a bean of this type is applied to the builder after the
 * starter's own settings (in {@code @Order}), for anything the {@code support.*} properties do not cover, such as a
 * routing policy, categories or an assignment strategy.
 *
 * <pre>{@code
 * @Bean
 * SupportDeskCustomizer routing() {
 *     return builder -> builder.routingPolicy(myPolicy).autoAssign(true);
 * }
 * }</pre>
 *
 * <p>A host that declares its own {@link SupportDesk} bean gets no customizer applied.
 */
@FunctionalInterface
public interface SupportDeskCustomizer {

    /**
     * @param builder the desk's builder, with the store, hours, WhatsApp number and SLA policies already set
     */
    void customize(SupportDesk.Builder builder);
}
