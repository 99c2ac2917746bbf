package za.co.proconnectsa.support.spring.boot;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import za.co.proconnectsa.support.jdbc.SchemaMode;

/**
 * The {@code support.*} settings of the starter. Every setting has a default, so an application with a
 * {@code DataSource} gets a working desk without any of them; WhatsApp sending and the webhook need their
 * secrets.
 *
 * <pre>
 * support.business-hours.zone=Africa/Johannesburg
 * support.business-hours.weekly.monday=08:00-18:00
 * support.whatsapp.number=+27 67 951 8124
 * support.whatsapp.webhook.enabled=true
 * support.whatsapp.webhook.verify-token=${WHATSAPP_VERIFY_TOKEN}
 * support.whatsapp.webhook.app-secret=${WHATSAPP_APP_SECRET}
 * </pre>
 */
@ConfigurationProperties("support")
public class SupportProperties {

    /** The ticket store. */
    private final Store store = new Store();
    /** The support team's hours, for the support page, routing and SLA clocks. */
    private final BusinessHoursSettings businessHours = new BusinessHoursSettings();
    /** WhatsApp: the number customers write to, the Cloud API and the webhook. */
    private final WhatsApp whatsapp = new WhatsApp();
    /** The relay that hands stored ticket events to the application's TicketListener beans. */
    private final Outbox outbox = new Outbox();
    /** SLA targets; none by default. */
    private final Sla sla = new Sla();
    /** Where the desk keeps files: WhatsApp media, agents' uploads. */
    private final Attachments attachments = new Attachments();
    /**
     * How far back a repeated submission by the same requester is linked to their open ticket instead of opening a
     * new one; zero turns it off.
     */
    private Duration duplicateWindow = Duration.ofHours(24);

    /** @return the ticket store settings */
    public Store getStore() {
        return store;
    }

    /** @return the business hours settings */
    public BusinessHoursSettings getBusinessHours() {
        return businessHours;
    }

    /** @return the WhatsApp settings */
    public WhatsApp getWhatsapp() {
        return whatsapp;
    }

    /** @return the outbox relay settings */
    public Outbox getOutbox() {
        return outbox;
    }

    /** @return the SLA settings */
    public Sla getSla() {
        return sla;
    }

    /** @return the attachment store settings */
    public Attachments getAttachments() {
        return attachments;
    }

    /** @return the duplicate window */
    public Duration getDuplicateWindow() {
        return duplicateWindow;
    }

    /** @param duplicateWindow the duplicate window */
    public void setDuplicateWindow(Duration duplicateWindow) {
        this.duplicateWindow = duplicateWindow;
    }

    /** The ticket store: the JDBC store on the application's DataSource, or in memory when there is none. */
    public static class Store {
        /** Prefix of the store's tables. */
        private String tablePrefix = "support_";
        /** What to do with the schema at start: create what is missing, only validate it, or leave it alone. */
        private SchemaMode schemaMode = SchemaMode.CREATE;
        /**
         * Whether the desk's writes join the application's Spring transaction (a ticket submitted inside
         * @Transactional commits or rolls back with it). Outside a transaction each write commits alone.
         */
        private boolean joinSpringTransactions = true;
        /**
         * PostgreSQL: 1 (the default) runs an analytics report's aggregates one after the other on its own
         * connection; 2 to 5 runs its five largest on that many more connections at once, all reading the report's
         * snapshot, so the report holds one more than this from the pool while it runs. Reports inside the
         * application's Spring transaction always run on that transaction's connection.
         */
        private int reportConnections = 1;

        /** @return the table prefix */
        public String getTablePrefix() {
            return tablePrefix;
        }

        /** @param tablePrefix the table prefix */
        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        /** @return the schema mode */
        public SchemaMode getSchemaMode() {
            return schemaMode;
        }

        /** @param schemaMode the schema mode */
        public void setSchemaMode(SchemaMode schemaMode) {
            this.schemaMode = schemaMode;
        }

        /** @return whether writes join Spring transactions */
        public boolean isJoinSpringTransactions() {
            return joinSpringTransactions;
        }

        /** @param joinSpringTransactions whether writes join Spring transactions */
        public void setJoinSpringTransactions(boolean joinSpringTransactions) {
            this.joinSpringTransactions = joinSpringTransactions;
        }

        /** @return how many connections a PostgreSQL report may use at once */
        public int getReportConnections() {
            return reportConnections;
        }

        /** @param reportConnections how many connections a PostgreSQL report may use at once, from 1 to 5 */
        public void setReportConnections(int reportConnections) {
            this.reportConnections = reportConnections;
        }
    }

    /**
     * Where the desk keeps files (WhatsApp media, agents' uploads), when the application declares no
     * {@code AttachmentStore} bean of its own (its bean always wins): in this directory when one is set, else in the
     * JDBC store's own table ({@code stored_attachments}), or in memory when the desk is in memory. The WhatsApp inbox
     * keeps its media in the desk's store, and data-subject requests and retention purges reach the files there.
     */
    public static class Attachments {
        /** Whether the desk keeps files when the application declares no AttachmentStore bean. */
        private boolean enabled = true;
        /** A directory to keep the files in (a file-system store) instead of the database; created when missing. */
        private java.nio.file.Path directory;
        /**
         * Whether this instance runs the worker that deletes the files queued for deletion by erasures and retention
         * purges that could not delete them at once.
         */
        private boolean deletionWorkerEnabled = true;

        /** @return whether the desk keeps files without an application bean */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the desk keeps files without an application bean */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the directory of a file-system store, or {@code null} */
        public java.nio.file.Path getDirectory() {
            return directory;
        }

        /** @param directory the directory of a file-system store */
        public void setDirectory(java.nio.file.Path directory) {
            this.directory = directory;
        }

        /** @return whether the file-deletion worker runs in this instance */
        public boolean isDeletionWorkerEnabled() {
            return deletionWorkerEnabled;
        }

        /** @param deletionWorkerEnabled whether the file-deletion worker runs in this instance */
        public void setDeletionWorkerEnabled(boolean deletionWorkerEnabled) {
            this.deletionWorkerEnabled = deletionWorkerEnabled;
        }
    }

    /** The support team's hours. Without weekly hours: Monday to Friday 08:00-18:00. */
    public static class BusinessHoursSettings {
        /** The team's time zone. */
        private ZoneId zone = ZoneId.of("Africa/Johannesburg");
        /**
         * Opening hours per day of the week, each a list of intervals such as 08:00-12:00,13:00-17:00; a day
         * not listed is closed. Empty means Monday to Friday 08:00-18:00.
         */
        private Map<DayOfWeek, List<String>> weekly = new EnumMap<>(DayOfWeek.class);
        /** Extra dates on which support is closed all day, e.g. 2026-12-24. */
        private List<LocalDate> holidays = new ArrayList<>();
        /** Whether South African public holidays close support all day. */
        private boolean southAfricanHolidays = true;

        /** @return the zone */
        public ZoneId getZone() {
            return zone;
        }

        /** @param zone the zone */
        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        /** @return the weekly hours */
        public Map<DayOfWeek, List<String>> getWeekly() {
            return weekly;
        }

        /** @param weekly the weekly hours */
        public void setWeekly(Map<DayOfWeek, List<String>> weekly) {
            this.weekly = weekly;
        }

        /** @return the extra holidays */
        public List<LocalDate> getHolidays() {
            return holidays;
        }

        /** @param holidays the extra holidays */
        public void setHolidays(List<LocalDate> holidays) {
            this.holidays = holidays;
        }

        /** @return whether South African public holidays apply */
        public boolean isSouthAfricanHolidays() {
            return southAfricanHolidays;
        }

        /** @param southAfricanHolidays whether South African public holidays apply */
        public void setSouthAfricanHolidays(boolean southAfricanHolidays) {
            this.southAfricanHolidays = southAfricanHolidays;
        }
    }

    /** WhatsApp: the number, the Cloud API, the webhook and its workers. */
    public static class WhatsApp {
        /**
         * The support number customers write to, international (+27 67 951 8124) or national with the default
         * region; unset means the support page shows no WhatsApp card.
         */
        private String number;
        /** The region a national number belongs to (ISO 3166 code). */
        private String defaultRegion = "ZA";
        /** How chat links look: wa.me links, or api.whatsapp.com/send links. */
        private za.co.proconnectsa.support.whatsapp.LinkStyle linkStyle = za.co.proconnectsa.support.whatsapp.LinkStyle.WA_ME;
        /** The Cloud API that sends the inbox's messages. */
        private final Cloud cloud = new Cloud();
        /** The webhook Meta calls with incoming messages and delivery statuses. */
        private final Webhook webhook = new Webhook();
        /** The background workers that apply stored webhook messages and send queued texts. */
        private final Workers workers = new Workers();
        /** Name of the approved template used to answer after the 24-hour window closed; unset means none. */
        private String windowClosedTemplate;
        /** Language code of the window-closed template. */
        private String windowClosedTemplateLanguage = "en";
        /** The satisfaction survey of conversations that close without becoming a ticket; off by default. */
        private final SurveyOnClose surveyOnClose = new SurveyOnClose();
        /** Closing conversations left idle, on a schedule; off by default. */
        private final CloseIdle closeIdle = new CloseIdle();

        /** @return the settings of the survey on close */
        public SurveyOnClose getSurveyOnClose() {
            return surveyOnClose;
        }

        /** @return the settings of the idle timeout */
        public CloseIdle getCloseIdle() {
            return closeIdle;
        }

        /** @return the number */
        public String getNumber() {
            return number;
        }

        /** @param number the number */
        public void setNumber(String number) {
            this.number = number;
        }

        /** @return the default region */
        public String getDefaultRegion() {
            return defaultRegion;
        }

        /** @param defaultRegion the default region */
        public void setDefaultRegion(String defaultRegion) {
            this.defaultRegion = defaultRegion;
        }

        /** @return the link style */
        public za.co.proconnectsa.support.whatsapp.LinkStyle getLinkStyle() {
            return linkStyle;
        }

        /** @param linkStyle the link style */
        public void setLinkStyle(za.co.proconnectsa.support.whatsapp.LinkStyle linkStyle) {
            this.linkStyle = linkStyle;
        }

        /** @return the Cloud API settings */
        public Cloud getCloud() {
            return cloud;
        }

        /** @return the webhook settings */
        public Webhook getWebhook() {
            return webhook;
        }

        /** @return the worker settings */
        public Workers getWorkers() {
            return workers;
        }

        /** @return the window-closed template name */
        public String getWindowClosedTemplate() {
            return windowClosedTemplate;
        }

        /** @param windowClosedTemplate the window-closed template name */
        public void setWindowClosedTemplate(String windowClosedTemplate) {
            this.windowClosedTemplate = windowClosedTemplate;
        }

        /** @return the window-closed template's language */
        public String getWindowClosedTemplateLanguage() {
            return windowClosedTemplateLanguage;
        }

        /** @param windowClosedTemplateLanguage the window-closed template's language */
        public void setWindowClosedTemplateLanguage(String windowClosedTemplateLanguage) {
            this.windowClosedTemplateLanguage = windowClosedTemplateLanguage;
        }
    }

    /** The WhatsApp Cloud API. The inbox and its sender start only when the phone number id and token are set. */
    public static class Cloud {
        /** The Graph API's address. */
        private java.net.URI baseUrl = java.net.URI.create("https://graph.facebook.com");
        /** The Graph API version. */
        private String apiVersion = "v23.0";
        /** The business phone number's id in the Cloud API (digits). */
        private String phoneNumberId;
        /** The access token of the Cloud API; keep it out of source control (never logged). */
        private String accessToken;
        /** How long one request to the Cloud API may take. */
        private Duration requestTimeout = Duration.ofSeconds(10);

        /** @return the base URL */
        public java.net.URI getBaseUrl() {
            return baseUrl;
        }

        /** @param baseUrl the base URL */
        public void setBaseUrl(java.net.URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** @return the API version */
        public String getApiVersion() {
            return apiVersion;
        }

        /** @param apiVersion the API version */
        public void setApiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        /** @return the phone number id */
        public String getPhoneNumberId() {
            return phoneNumberId;
        }

        /** @param phoneNumberId the phone number id */
        public void setPhoneNumberId(String phoneNumberId) {
            this.phoneNumberId = phoneNumberId;
        }

        /** @return the access token */
        public String getAccessToken() {
            return accessToken;
        }

        /** @param accessToken the access token */
        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        /** @return the request timeout */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /** @param requestTimeout the request timeout */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        /** @return whether the phone number id and the access token are both set */
        public boolean isConfigured() {
            return hasText(phoneNumberId) && hasText(accessToken);
        }
    }

    /** The webhook endpoint Meta calls. */
    public static class Webhook {
        /** Whether the starter serves the webhook (GET handshake and signed POST) at the path below. */
        private boolean enabled;
        /** Where the webhook is served. */
        private String path = "/webhooks/whatsapp";
        /** The verify token entered in Meta's app dashboard, answered in the GET handshake (never logged). */
        private String verifyToken;
        /** The app secret that signs each POST (X-Hub-Signature-256); never logged. */
        private String appSecret;
        /** The largest POST body accepted, in bytes. */
        private int maxBodyBytes = 1048576;

        /** @return whether the webhook is served */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the webhook is served */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the path */
        public String getPath() {
            return path;
        }

        /** @param path the path */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the verify token */
        public String getVerifyToken() {
            return verifyToken;
        }

        /** @param verifyToken the verify token */
        public void setVerifyToken(String verifyToken) {
            this.verifyToken = verifyToken;
        }

        /** @return the app secret */
        public String getAppSecret() {
            return appSecret;
        }

        /** @param appSecret the app secret */
        public void setAppSecret(String appSecret) {
            this.appSecret = appSecret;
        }

        /** @return the body size limit */
        public int getMaxBodyBytes() {
            return maxBodyBytes;
        }

        /** @param maxBodyBytes the body size limit */
        public void setMaxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }
    }

    /**
     * "How did we do?" when a WhatsApp conversation closes without becoming a ticket (an agent's close or the idle
     * timeout): reply buttons inside the 24-hour window, the approved template outside it when one is named.
     */
    public static class SurveyOnClose {
        /** Whether the inbox asks for satisfaction when a conversation closes without a ticket. */
        private boolean enabled;
        /** The loop guard: at most one survey per contact within this period. */
        private Duration perContact = Duration.ofDays(7);
        /**
         * Name of the approved template that asks outside the 24-hour window, with the conversation number as its one
         * body parameter; unset means only conversations inside the window are asked.
         */
        private String template;
        /** Language code of the survey template. */
        private String templateLanguage = "en";

        /** @return whether the survey is asked */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the survey is asked */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the loop guard */
        public Duration getPerContact() {
            return perContact;
        }

        /** @param perContact the loop guard */
        public void setPerContact(Duration perContact) {
            this.perContact = perContact;
        }

        /** @return the template's name, or {@code null} */
        public String getTemplate() {
            return template;
        }

        /** @param template the template's name */
        public void setTemplate(String template) {
            this.template = template;
        }

        /** @return the template's language */
        public String getTemplateLanguage() {
            return templateLanguage;
        }

        /** @param templateLanguage the template's language */
        public void setTemplateLanguage(String templateLanguage) {
            this.templateLanguage = templateLanguage;
        }
    }

    /**
     * The idle timeout: closes the open conversations that have waited longer than {@code after} (asking the survey
     * on close when it is on), every {@code interval}, in each instance that runs the inbox's workers.
     */
    public static class CloseIdle {
        /** Whether idle conversations are closed on a schedule. */
        private boolean enabled;
        /** How long an open conversation may wait since its last change, at least a minute. */
        private Duration after = Duration.ofHours(2);
        /** How often to look for idle conversations. */
        private Duration interval = Duration.ofMinutes(5);

        /** @return whether the idle timeout runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the idle timeout runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return how long a conversation may wait */
        public Duration getAfter() {
            return after;
        }

        /** @param after how long a conversation may wait */
        public void setAfter(Duration after) {
            this.after = after;
        }

        /** @return how often to look */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval how often to look */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** The background workers of the WhatsApp inbox. */
    public static class Workers {
        /** Whether the inbound-message worker, the media worker and the sender run in this instance. */
        private boolean enabled = true;
        /** The pause between polls of an empty queue. */
        private Duration pollInterval = Duration.ofMillis(500);

        /** @return whether the workers run */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the workers run */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the poll interval */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the poll interval */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    /** The outbox relay. It runs only when the application has TicketListener beans. */
    public static class Outbox {
        /** Whether the relay runs in this instance. */
        private boolean enabled = true;
        /** The pause between polls of an empty outbox. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** How many times an event is attempted before it becomes a dead letter. */
        private int maxAttempts = 10;

        /** @return whether the relay runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the relay runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the poll interval */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the poll interval */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** @return the attempts before a dead letter */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts the attempts before a dead letter */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /**
     * One SLA policy for every ticket, in business time; set at least one target to turn SLA clocks on. A host
     * with several policies declares its own {@code SlaPolicies} bean instead.
     */
    public static class Sla {
        /** Time to the first public reply, in business hours, e.g. 4h. */
        private Duration firstResponse;
        /** Time to each next public reply after the requester wrote, in business hours. */
        private Duration nextResponse;
        /** Time to resolution, in business hours. */
        private Duration resolution;
        /** Share of a target after which a warning is raised. */
        private double warningShare = 0.8;
        /** The pause between the SLA watcher's polls for targets that are due. */
        private Duration watcherPollInterval = Duration.ofSeconds(30);

        /** @return the first-response target */
        public Duration getFirstResponse() {
            return firstResponse;
        }

        /** @param firstResponse the first-response target */
        public void setFirstResponse(Duration firstResponse) {
            this.firstResponse = firstResponse;
        }

        /** @return the next-response target */
        public Duration getNextResponse() {
            return nextResponse;
        }

        /** @param nextResponse the next-response target */
        public void setNextResponse(Duration nextResponse) {
            this.nextResponse = nextResponse;
        }

        /** @return the resolution target */
        public Duration getResolution() {
            return resolution;
        }

        /** @param resolution the resolution target */
        public void setResolution(Duration resolution) {
            this.resolution = resolution;
        }

        /** @return the warning share */
        public double getWarningShare() {
            return warningShare;
        }

        /** @param warningShare the warning share */
        public void setWarningShare(double warningShare) {
            this.warningShare = warningShare;
        }

        /** @return the watcher's poll interval */
        public Duration getWatcherPollInterval() {
            return watcherPollInterval;
        }

        /** @param watcherPollInterval the watcher's poll interval */
        public void setWatcherPollInterval(Duration watcherPollInterval) {
            this.watcherPollInterval = watcherPollInterval;
        }

        /** @return whether any target is set */
        public boolean isConfigured() {
            return firstResponse != null || nextResponse != null || resolution != null;
        }
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
