package za.co.proconnectsa.support;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.advisor.Advice;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsService;
import za.co.proconnectsa.support.assignment.AssignmentService;
import za.co.proconnectsa.support.assignment.AssignmentStrategy;
import za.co.proconnectsa.support.event.DeskObserver;
import za.co.proconnectsa.support.event.TicketListener;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.hours.SouthAfricanHolidays;
import za.co.proconnectsa.support.internal.AssigneeWriter;
import za.co.proconnectsa.support.internal.AssignmentEngine;
import za.co.proconnectsa.support.internal.BeanValidation;
import za.co.proconnectsa.support.internal.DefaultAnalyticsService;
import za.co.proconnectsa.support.internal.DefaultSlaService;
import za.co.proconnectsa.support.internal.DefaultDataSubjectService;
import za.co.proconnectsa.support.privacy.DataSubjectService;
import za.co.proconnectsa.support.internal.DefaultAssignmentService;
import za.co.proconnectsa.support.internal.DefaultTicketService;
import za.co.proconnectsa.support.internal.Observers;
import za.co.proconnectsa.support.internal.Retries;
import za.co.proconnectsa.support.internal.SlaTracker;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaService;
import za.co.proconnectsa.support.sla.SlaTerms;
import za.co.proconnectsa.support.internal.SupportTexts;
import za.co.proconnectsa.support.internal.TicketEvents;
import za.co.proconnectsa.support.page.SupportPage;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.routing.RequestClassifier;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.internal.DefaultNotificationService;
import za.co.proconnectsa.support.internal.DefaultSatisfactionService;
import za.co.proconnectsa.support.internal.Notifier;
import za.co.proconnectsa.support.internal.SurveyLinks;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationService;
import za.co.proconnectsa.support.satisfaction.SatisfactionService;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.spi.RequesterDirectory;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The entry point: one desk per application, built once and shared by all threads.
 *
 * <pre>{@code
 * SupportDesk desk = SupportDesk.builder()
 *         .store(InMemoryTicketStore.create())
 *         .build();
 * SubmissionReceipt receipt = desk.tickets().submit(provider, newTicket);
 * }</pre>
 *
 * <p>A desk is immutable after {@link Builder#build()}: its configuration cannot change under running
 * requests. The one exception is the routing policy, which {@link #replaceRoutingPolicy(RoutingPolicy)}
 * swaps atomically, so rules can be reloaded without a restart.
 */
public final class SupportDesk {

    /** How far back a repeated submission is linked to an open ticket when nothing else is set. */
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofHours(24);

    /** How long a reply or another commuting change keeps retrying a lost race when nothing else is set. */
    public static final Duration DEFAULT_CONFLICT_RETRY_BUDGET = Duration.ofSeconds(10);

    private final TicketStore store;
    private final Clock clock;
    private final Set<Category> categories;
    private final TicketNumberFormat numberFormat;
    private final Duration duplicateWindow;
    private final Locale locale;
    private final TicketService tickets;
    private final AssignmentService assignment;
    private final BusinessHours hours;
    private final WhatsAppLinkFactory whatsApp;
    private final AtomicReference<RoutingPolicy> routingPolicy;
    private final List<DeskObserver> observers;
    private final SlaService sla;
    private final AnalyticsService analytics;
    private final DataSubjectService dataSubjects;
    private final NotificationService notifications;
    private final SatisfactionService satisfaction;
    private final AccessPolicy accessPolicy;
    private final AttachmentStore attachments;

    private SupportDesk(Builder b) {
        this.accessPolicy = b.accessPolicy;
        this.attachments = b.attachments;
        this.hours = b.hours;
        this.whatsApp = b.whatsApp;
        this.routingPolicy = new AtomicReference<>(b.routingPolicy != null ? b.routingPolicy
                : RoutingPolicy.builder().classifier(RequestClassifier.standard())
                        .standardRules(AfterHours.TICKET, b.locale).build());
        this.observers = List.copyOf(b.observers);
        this.store = b.store;
        this.clock = b.clock;
        this.categories = Set.copyOf(b.categories);
        this.numberFormat = b.numberFormat;
        this.duplicateWindow = b.duplicateWindow;
        this.locale = b.locale;
        SlaTerms terms = b.slaTerms != null ? b.slaTerms
                : b.slaPolicies != null ? SlaTerms.of(b.slaPolicies, b.hours) : null;
        SlaTracker tracker = terms == null ? null : new SlaTracker(store, terms);
        TicketEvents events = new TicketEvents(store, b.listeners);
        AssigneeWriter assignees = new AssigneeWriter(store, events);
        Retries retries = new Retries(b.conflictRetryBudget, b.observers);
        AssignmentEngine engine = new AssignmentEngine(store, clock, b.assignmentStrategy, b.autoAssign, assignees,
                retries);
        // BeanValidation (and with it jakarta.validation) is loaded only when the host passed a validator
        BeanValidation validation = b.validator == null ? null : BeanValidation.using((Validator) b.validator);
        SurveyLinks links = b.surveys == null ? null : new SurveyLinks(b.surveys);
        Notifier notifier = b.directory == null ? Notifier.NONE : new Notifier((WorkQueue) store, b.directory,
                b.notificationChannels, locale, b.surveys == null ? null : (SatisfactionStore) store, links,
                b.surveys == null ? Duration.ZERO : b.surveys.perRequester());
        this.tickets = new DefaultTicketService(store, clock, accessPolicy, validation, numberFormat, categories,
                b.defaultCategory, duplicateWindow, new SupportTexts(locale), events, assignees, engine, retries, tracker,
                notifier);
        this.notifications = new DefaultNotificationService(store, b.directory, accessPolicy);
        this.satisfaction = new DefaultSatisfactionService(store, links, clock, accessPolicy, retries);
        this.assignment = new DefaultAssignmentService(store, accessPolicy, engine);
        this.sla = new DefaultSlaService(store, tickets, tracker, clock, accessPolicy);
        this.dataSubjects = new DefaultDataSubjectService(store, clock, accessPolicy, b.attachments);
        this.analytics = new DefaultAnalyticsService(store, hours, accessPolicy);
    }

    /**
     * Support analytics: volumes by channel, deflection, response and resolution times (wall and business time),
     * SLA compliance, backlog, reopen rate, common issues and per-agent figures, computed where the data lives. Needs
     * a store that computes aggregates ({@link za.co.proconnectsa.support.spi.AnalyticsStore}: the in-memory and JDBC
     * stores do); on another store its methods throw {@link SupportException}.
     *
     * @return the analytics service
     */
    public AnalyticsService analytics() {
        return analytics;
    }

    /**
     * Channel advice (WhatsApp only, hybrid or tickets only) from the figures measured over a period:
     * {@code analytics().advise(actor, period)}.
     *
     * @param actor  who asks: an agent or admin
     * @param period the period, zone and filters
     * @return the standard channel advisor's advice on the measured figures
     */
    public Advice advise(Actor actor, AnalyticsQuery period) {
        return analytics.advise(actor, period);
    }

    /**
     * The desk's SLA clocks: each ticket's targets, the tickets nearest their due time, and the watcher that announces
     * warnings and breaches.
     *
     * On a desk built without SLA policies ({@link Builder#slaPolicies}) its operations check their arguments and
     * the actor's access like every other operation (a null actor is an
     * {@link za.co.proconnectsa.support.InvalidInputException}, a requester an
     * {@link za.co.proconnectsa.support.access.AccessDeniedException}), then throw {@link SupportException}.
     *
     * @return the SLA service
     */
    public SlaService sla() {
        return sla;
    }

    /**
     * The rights of data subjects (POPIA): export, correct, erase or anonymise everything held about one person,
     * retention purges, and the marketing-consent ledger checked before direct marketing. Needs a store that keeps
     * them ({@link za.co.proconnectsa.support.spi.DataSubjectStore}: the in-memory and JDBC stores do); on another
     * store its methods throw {@link SupportException}.
     *
     * @return the data-subject operations
     */
    public DataSubjectService dataSubjects() {
        return dataSubjects;
    }

    /**
     * The store the desk's files are kept in, when it was built with one ({@link Builder#attachments}): the WhatsApp
     * inbox keeps its media there unless told otherwise, and {@link #dataSubjects()} exports, erases and purges the
     * files in it.
     *
     * @return the attachment store, if the desk has one
     */
    public java.util.Optional<AttachmentStore> attachments() {
        return java.util.Optional.ofNullable(attachments);
    }

    /**
     * Notifications to requesters ("ticket received", "an agent replied", "your ticket is resolved", the satisfaction
     * survey): the worker that sends them and their delivery log. The desk writes them only when built with
     * {@link Builder#notifyRequesters}.
     *
     * @return the notification operations
     */
    public NotificationService notifications() {
        return notifications;
    }

    /**
     * Satisfaction surveys (CSAT): answers from the requester, signed in or through the survey's link. The desk asks
     * only when built with {@link Builder#satisfactionSurveys}.
     *
     * @return the survey operations
     */
    public SatisfactionService satisfaction() {
        return satisfaction;
    }

    /** @return a builder; only {@link Builder#store(TicketStore)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ticket operations */
    public TicketService tickets() {
        return tickets;
    }

    /**
     * The agent roster and automatic assignment: agents with their presence, capacity and categories, and the
     * assignment of new tickets with the desk's {@link AssignmentStrategy}. Needs a store that keeps a roster
     * ({@link AgentRoster}: the in-memory and JDBC stores do); on another store its methods throw
     * {@link SupportException}.
     *
     * @return the assignment operations
     */
    public AssignmentService assignment() {
        return assignment;
    }

    /**
     * Decides whether a request goes to WhatsApp or becomes a ticket, with reasons, using the current
     * routing policy, the desk's hours and clock, and its WhatsApp number for the chat link.
     *
     * @param request what the person asked
     * @return the decision
     */
    public RoutingDecision route(SupportRequest request) {
        if (request == null) {
            throw InvalidInputException.of("request", "must not be null");
        }
        RoutingDecision decision = routingPolicy.get().route(request, clock.instant(), hours, whatsApp);
        Observers.tell(observers, o -> o.routed(decision));
        return decision;
    }

    /** @return the routing policy in force */
    public RoutingPolicy routingPolicy() {
        return routingPolicy.get();
    }

    /**
     * Swaps the routing policy atomically: each routing call uses either the old or the new policy whole.
     *
     * @param policy the new policy, e.g. reloaded with {@link RoutingPolicy#fromJson(String)}
     * @return the policy it replaced
     */
    public RoutingPolicy replaceRoutingPolicy(RoutingPolicy policy) {
        return routingPolicy.getAndSet(Checks.notNull(policy, "policy"));
    }

    /** @return the support page for now, in the desk's locale */
    public SupportPage supportPage() {
        return supportPage(locale);
    }

    /**
     * @param pageLocale the locale of the page's texts
     * @return the support page for now
     */
    public SupportPage supportPage(Locale pageLocale) {
        return SupportPage.create(whatsApp, hours, clock.instant(), pageLocale);
    }

    /** @return the support team's hours */
    public BusinessHours businessHours() {
        return hours;
    }

    /**
     * Tells whether this desk writes to the given store, so that a part built next to the desk (the WhatsApp
     * inbox) can refuse a different one. The desk never hands its store out: every read and write of hosts goes
     * through {@link #tickets()} and its access policy. Parts that need the store itself (an
     * {@link za.co.proconnectsa.support.event.OutboxRelay}, the WhatsApp inbox) take it from the host, which built it.
     *
     * @param candidate a store
     * @return whether it is the very store given to {@link Builder#store(TicketStore)}
     */
    public boolean isBackedBy(TicketStore candidate) {
        return candidate == store;
    }

    /** @return who may do what: the policy set on the builder, {@link AccessPolicy#standard()} by default */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }

    /** @return the desk's time source */
    public Clock clock() {
        return clock;
    }

    /** @return the categories submissions may use */
    public Set<Category> categories() {
        return categories;
    }

    /** @return how ticket numbers look */
    public TicketNumberFormat ticketNumberFormat() {
        return numberFormat;
    }

    /** @return how far back repeated submissions are linked; zero when turned off */
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    /** @return the locale of texts shown to people */
    public Locale locale() {
        return locale;
    }

    /** Configures a {@link SupportDesk}. Not thread-safe; the desk it builds is. */
    public static final class Builder {
        private TicketStore store;
        private Clock clock = Clock.systemUTC();
        private final Set<Category> categories = new LinkedHashSet<>(
                List.of(Category.BILLING, Category.TECHNICAL, Category.ACCOUNT, Category.GENERAL));
        private TicketNumberFormat numberFormat = TicketNumberFormat.DEFAULT;
        // held as Object so that a desk without a validator never loads jakarta.validation
        private Object validator;
        private Category defaultCategory = Category.GENERAL;
        private final List<TicketListener> listeners = new ArrayList<>();
        private final List<DeskObserver> observers = new ArrayList<>();
        private Duration duplicateWindow = DEFAULT_DUPLICATE_WINDOW;
        private Duration conflictRetryBudget = DEFAULT_CONFLICT_RETRY_BUDGET;
        private Locale locale = Locale.ENGLISH;
        private BusinessHours hours = BusinessHours.builder()
                .zone(ZoneId.of("Africa/Johannesburg"))
                .weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0))
                .holidays(SouthAfricanHolidays.calendar())
                .build();
        private WhatsAppLinkFactory whatsApp;
        /** Null: the standard policy, its reasons in the desk's locale. */
        private RoutingPolicy routingPolicy;
        private SlaPolicies slaPolicies;
        private SlaTerms slaTerms;
        private AssignmentStrategy assignmentStrategy = AssignmentStrategy.leastLoaded();
        private boolean autoAssign;
        private RequesterDirectory directory;
        private List<NotificationChannel> notificationChannels = List.of();
        private SurveySettings surveys;
        private AccessPolicy accessPolicy = AccessPolicy.standard();
        private AttachmentStore attachments;

        private Builder() {
        }

        /**
         * @param value the support team's hours (by default Mon-Fri 8am-6pm in Africa/Johannesburg, closed on
         *              South African public holidays)
         * @return this builder
         */
        public Builder businessHours(BusinessHours value) {
            this.hours = Checks.notNull(value, "businessHours");
            return this;
        }

        /**
         * @param value the WhatsApp number's links, e.g. support-whatsapp's {@code WhatsAppLinks.of("+27 67 951 8124")};
         *              without one, routing decisions carry no link and the page shows no WhatsApp card
         * @return this builder
         */
        public Builder whatsApp(WhatsAppLinkFactory value) {
            this.whatsApp = Checks.notNull(value, "whatsApp");
            return this;
        }

        /**
         * @param value the routing policy (by default {@link RoutingPolicy#standard()}, its reasons in the desk's locale)
         * @return this builder
         */
        public Builder routingPolicy(RoutingPolicy value) {
            this.routingPolicy = Checks.notNull(value, "routingPolicy");
            return this;
        }

        /**
         * Sets who may do what. Every operation of the desk and of the parts built on it (the WhatsApp inbox's agent
         * actions among them) asks this policy first.
         *
         * @param policy the policy; {@link AccessPolicy#standard()} by default
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = Checks.notNull(policy, "accessPolicy");
            return this;
        }

        /**
         * @param store where tickets live, e.g. {@code InMemoryTicketStore.create()} or a JDBC store
         * @return this builder
         */
        public Builder store(TicketStore store) {
            this.store = Checks.notNull(store, "store");
            return this;
        }

        /**
         * Where the desk's files are kept (WhatsApp media, agents' uploads): a
         * {@link za.co.proconnectsa.support.attachment.FileSystemAttachmentStore}, the JDBC store's
         * {@code attachments()} or the host's own. Give the desk the store the WhatsApp inbox uses (the inbox takes the
         * desk's when given none), so that the rights of data subjects reach the files: an export lists them, an
         * erasure or a retention purge deletes them ({@link SupportDesk#dataSubjects()}). Needs a store with a job
         * queue, which carries the deletions.
         *
         * @param value the attachment store
         * @return this builder
         */
        public Builder attachments(AttachmentStore value) {
            this.attachments = Checks.notNull(value, "attachments");
            return this;
        }

        /**
         * Tracks SLA clocks on every ticket with these policies, counted on the desk's business hours: the receipt
         * says when the first reply is due, each change announces fulfilments and breaches, and
         * {@link SupportDesk#sla()} reads the clocks. Optional: without it the desk keeps no SLA.
         *
         * @param value the policies, chosen per priority, category and origin
         * @return this builder
         */
        public Builder slaPolicies(SlaPolicies value) {
            this.slaPolicies = Checks.notNull(value, "slaPolicies");
            return this;
        }

        /**
         * Like {@link #slaPolicies}, with the policies' and hours' changes over time, so that a change applies to open
         * tickets from the moment it took effect ({@link SlaTerms}). Wins over {@link #slaPolicies}.
         *
         * @param value the terms
         * @return this builder
         */
        public Builder slaTerms(SlaTerms value) {
            this.slaTerms = Checks.notNull(value, "slaTerms");
            return this;
        }

        /**
         * @param clock the time source (UTC system clock by default); tests pass a settable clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * Sets the category of a ticket submitted without one ({@link NewTicket.Builder#category} not called, or
         * null): {@link Category#GENERAL} unless set. It must be one of the desk's categories.
         *
         * @param category the default category
         * @return this builder
         */
        public Builder defaultCategory(Category category) {
            this.defaultCategory = Checks.notNull(category, "defaultCategory");
            return this;
        }

        /**
         * Accepts one more category besides BILLING, TECHNICAL, ACCOUNT and GENERAL.
         *
         * @param category a host-defined category
         * @return this builder
         */
        public Builder category(Category category) {
            this.categories.add(Checks.notNull(category, "category"));
            return this;
        }

        /**
         * @param format how ticket numbers look ({@code PCS-000042} by default)
         * @return this builder
         */
        public Builder ticketNumberFormat(TicketNumberFormat format) {
            this.numberFormat = Checks.notNull(format, "format");
            return this;
        }

        /**
         * Also checks submissions and replies with a Jakarta Bean Validation validator, for constraints of the
         * host's own. Optional: the desk checks its records itself (lengths, blank text, tags, characters) with
         * messages from its {@code SupportMessages} bundle, and needs no Bean Validation provider;
         * {@code jakarta.validation-api} is an optional dependency, needed only to call this method.
         *
         * @param validator the host's validator
         * @return this builder
         */
        public Builder validator(Validator validator) {
            this.validator = Checks.notNull(validator, "validator");
            return this;
        }

        /**
         * @param listener notified of every stored change, in registration order
         * @return this builder
         */
        public Builder listener(TicketListener listener) {
            this.listeners.add(Checks.notNull(listener, "listener"));
            return this;
        }

        /**
         * @param observer told of the desk's routing decisions and conflict retries, in registration order (for
         *                 metrics)
         * @return this builder
         */
        public Builder observer(DeskObserver observer) {
            this.observers.add(Checks.notNull(observer, "observer"));
            return this;
        }

        /**
         * @param window how far back a repeated submission is linked to the requester's open ticket;
         *               {@link Duration#ZERO} turns duplicate detection off
         * @return this builder
         */
        public Builder duplicateWindow(Duration window) {
            this.duplicateWindow = Checks.notNegative(window, "duplicateWindow");
            return this;
        }

        /**
         * Sets how long a change that commutes with others (a reply, an internal note, an assignment, a status
         * change without an expected version, a duplicate submission linked to an open ticket) keeps retrying
         * when another writer changed the ticket first. Each attempt reloads the ticket and applies the change
         * again; attempts are spaced by a random pause of up to 64 ms.
         * At least 16 attempts are made whatever the budget; after that, the next conflict once the budget has
         * passed reaches the caller as {@link ConcurrentUpdateException}. A change with an expected
         * version ({@code changeStatus(..., expectedVersion)}) is never retried.
         *
         * @param budget how long to keep retrying; {@link #DEFAULT_CONFLICT_RETRY_BUDGET} by default
         * @return this builder
         */
        public Builder conflictRetryBudget(Duration budget) {
            this.conflictRetryBudget = Checks.notNegative(budget, "conflictRetryBudget");
            return this;
        }

        /**
         * @param strategy who gets a ticket when the desk assigns it ({@link AssignmentStrategy#leastLoaded()} by
         *                 default), on submit with {@link #autoAssign(boolean)} or through
         *                 {@link AssignmentService#assignNew} and {@link AssignmentService#drainBacklog}
         * @return this builder
         */
        public Builder assignmentStrategy(AssignmentStrategy strategy) {
            this.assignmentStrategy = Checks.notNull(strategy, "assignmentStrategy");
            return this;
        }

        /**
         * Makes the desk assign tickets on its own (off by default): every new ticket, whatever its channel (a web
         * form, an agent on someone's behalf, a WhatsApp escalation), is given to an agent by the
         * {@linkplain #assignmentStrategy(AssignmentStrategy) strategy} in the unit of work that submits it, unless
         * older tickets are waiting; and when room frees (an assigned ticket resolved or closed, an agent made
         * AVAILABLE or saved) the backlog is given out, oldest first. A ticket nobody can take waits unassigned.
         * Needs a store that keeps an agent roster ({@link AgentRoster}).
         *
         * @param value whether to assign on submit
         * @return this builder
         */
        public Builder autoAssign(boolean value) {
            this.autoAssign = value;
            return this;
        }

        /**
         * @param locale the locale of receipts and other texts (English by default)
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = Checks.notNull(locale, "locale");
            return this;
        }

        /**
         * Notifies requesters of their tickets: "ticket received" on submission, "an agent replied" on every public
         * reply of support (never an internal note), "your ticket is resolved" when support resolves it. Each
         * notification is written to the store's job queue in the transaction of its cause, with the cause as its
         * key, and sent by {@link NotificationService#worker}. Its channel is the requester's preferred one, else the
         * one their ticket came from (WhatsApp, else e-mail), else the first of {@code channels} that reaches them.
         *
         * @param directory how to reach each requester, and in which language
         * @param channels  the channels the host runs a sender for, in fallback order; at least one
         * @return this builder
         */
        public Builder notifyRequesters(RequesterDirectory directory, NotificationChannel... channels) {
            this.directory = Checks.notNull(directory, "directory");
            if (channels == null || channels.length == 0 || java.util.Arrays.asList(channels).contains(null)) {
                throw InvalidInputException.of("channels", "must name at least one channel, and no null");
            }
            this.notificationChannels = List.of(channels);
            return this;
        }

        /**
         * Asks "How did we do?" when support or the requester resolves a ticket: at most one survey per ticket, and
         * none for a requester asked within {@link SurveySettings#perRequester()}. The survey is a notification with
         * a signed answer link, so it needs {@link #notifyRequesters}.
         *
         * @param value the answer page, the link key and the loop guard
         * @return this builder
         */
        public Builder satisfactionSurveys(SurveySettings value) {
            this.surveys = Checks.notNull(value, "surveys");
            return this;
        }

        /**
         * @return the desk
         * @throws InvalidInputException when no store was set, or auto-assignment was asked of a store without a roster
         */
        public SupportDesk build() {
            if (store == null) {
                throw InvalidInputException.of("store", "must be set, e.g. InMemoryTicketStore.create()");
            }
            if (!categories.contains(defaultCategory)) {
                throw InvalidInputException.of("defaultCategory", "must be one of the desk's categories; add it with "
                        + "category(...)");
            }
            if (autoAssign && !(store instanceof AgentRoster)) {
                throw InvalidInputException.of("autoAssign", "needs a store that keeps an agent roster (AgentRoster), "
                        + "such as InMemoryTicketStore or JdbcTicketStore");
            }
            if (attachments != null && !(store instanceof WorkQueue)) {
                throw InvalidInputException.of("attachments", "needs a store with a job queue (WorkQueue), which "
                        + "carries file deletions, such as InMemoryTicketStore or JdbcTicketStore");
            }
            if (directory != null && !(store instanceof WorkQueue)) {
                throw InvalidInputException.of("notifyRequesters", "needs a store with a job queue (WorkQueue), such as "
                        + "InMemoryTicketStore or JdbcTicketStore");
            }
            if (surveys != null && (directory == null || !(store instanceof SatisfactionStore))) {
                throw InvalidInputException.of("satisfactionSurveys", "needs notifyRequesters(...) and a store that keeps"
                        + " surveys (SatisfactionStore), such as InMemoryTicketStore or JdbcTicketStore");
            }
            return new SupportDesk(this);
        }
    }
}
