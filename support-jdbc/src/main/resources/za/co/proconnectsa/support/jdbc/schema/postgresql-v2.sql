-- ProConnect Support SDK schema, version 2, PostgreSQL 12+.
-- ${prefix} is the table prefix (default "support_"). Copy this file into Flyway or Liquibase if you
-- manage the schema yourself, and build the store with SchemaMode.VALIDATE or NONE.
CREATE SEQUENCE IF NOT EXISTS ${prefix}conversation_number_seq START WITH 1 INCREMENT BY 1;

-- Counters whose row lock orders commits: a unit of work takes the next ticket number, or the next change position,
-- from its row and holds the row until it commits, so numbers and positions become visible in increasing order and
-- a reader paging by them never passes one that commits later. Numbers rolled back are taken again: no gaps.
CREATE TABLE IF NOT EXISTS ${prefix}counters (
    counter_name  VARCHAR(40) PRIMARY KEY,
    counter_value BIGINT      NOT NULL
);
INSERT INTO ${prefix}counters (counter_name, counter_value) VALUES ('ticket_number', 0), ('ticket_change', 0) ON CONFLICT (counter_name) DO NOTHING;

CREATE TABLE IF NOT EXISTS ${prefix}tickets (
    id                 VARCHAR(36)  PRIMARY KEY,
    seq                BIGINT       NOT NULL UNIQUE,
    number             VARCHAR(40)  NOT NULL UNIQUE,
    subject            VARCHAR(500) NOT NULL,
    body               TEXT         NOT NULL,
    category           VARCHAR(40)  NOT NULL,
    priority           VARCHAR(10)  NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    origin             VARCHAR(10)  NOT NULL,
    requester_id       VARCHAR(200) NOT NULL,
    assignee_id        VARCHAR(200),
    tags               TEXT         NOT NULL,
    fingerprint        VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    first_responded_at TIMESTAMPTZ,
    version            BIGINT       NOT NULL,
    -- the position of the ticket's last change, from the ticket_change counter: changesSince pages by it
    change_seq         BIGINT       DEFAULT 0 NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_status_seq ON ${prefix}tickets (status, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_change ON ${prefix}tickets (change_seq, seq);
-- The admin queue (active tickets, oldest or newest first) reads this, however many closed tickets lie in between.
CREATE INDEX IF NOT EXISTS ${prefix}tickets_active_seq ON ${prefix}tickets (seq)
    WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD');
CREATE INDEX IF NOT EXISTS ${prefix}tickets_category_seq ON ${prefix}tickets (category, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_priority_seq ON ${prefix}tickets (priority, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_origin_seq ON ${prefix}tickets (origin, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_assignee_seq ON ${prefix}tickets (assignee_id, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_requester_seq ON ${prefix}tickets (requester_id, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_duplicate ON ${prefix}tickets (requester_id, fingerprint, created_at);
-- Analytics read the period's tickets (created_at at or after its start, before its end) on this index.
CREATE INDEX IF NOT EXISTS ${prefix}tickets_created ON ${prefix}tickets (created_at);
-- An agent's load (open tickets) for automatic assignment is counted on this index.
CREATE INDEX IF NOT EXISTS ${prefix}tickets_assignee_status ON ${prefix}tickets (assignee_id, status);
-- The backlog of automatic assignment (unassigned active tickets, oldest first) reads this, however many assigned
-- tickets are open.
CREATE INDEX IF NOT EXISTS ${prefix}tickets_backlog_seq ON ${prefix}tickets (seq)
    WHERE assignee_id IS NULL AND status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD');
CREATE INDEX IF NOT EXISTS ${prefix}tickets_text ON ${prefix}tickets
    USING GIN (to_tsvector('simple', subject || ' ' || body));

CREATE TABLE IF NOT EXISTS ${prefix}messages (
    pos         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          VARCHAR(36)  NOT NULL UNIQUE,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    author_id   VARCHAR(200) NOT NULL,
    author_role VARCHAR(10)  NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    visibility  VARCHAR(10)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}messages_ticket ON ${prefix}messages (ticket_id, created_at, pos);

CREATE TABLE IF NOT EXISTS ${prefix}attachments (
    pos          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id    VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    message_id   VARCHAR(36),
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    reference    VARCHAR(500) NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}attachments_ticket ON ${prefix}attachments (ticket_id, pos);

CREATE TABLE IF NOT EXISTS ${prefix}audit_events (
    pos          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id    VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    actor_id     VARCHAR(200) NOT NULL,
    actor_role   VARCHAR(10)  NOT NULL,
    actor_name   VARCHAR(200) NOT NULL,
    action       VARCHAR(30)  NOT NULL,
    before_value VARCHAR(500),
    after_value  VARCHAR(500),
    visibility   VARCHAR(10)  NOT NULL,
    at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}audit_events_ticket ON ${prefix}audit_events (ticket_id, at, pos);
-- The fair-distribution limit counts an agent's assignments in a window on this index.
CREATE INDEX IF NOT EXISTS ${prefix}audit_events_assigned ON ${prefix}audit_events (action, after_value, at);

CREATE TABLE IF NOT EXISTS ${prefix}idempotency_keys (
    scope     VARCHAR(200) NOT NULL,
    idem_key  VARCHAR(200) NOT NULL,
    ticket_id VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    PRIMARY KEY (scope, idem_key)
);

-- WhatsApp message ids already ingested: webhooks deliver at least once.
CREATE TABLE IF NOT EXISTS ${prefix}whatsapp_processed (
    message_id   VARCHAR(200) PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL
);
-- purgeProcessedBefore deletes by age.
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_processed_at ON ${prefix}whatsapp_processed (processed_at);

-- WhatsApp conversations, numbered like tickets; joined to a ticket on escalation. active_contact is the
-- contact while the conversation is OPEN or ESCALATED and NULL after: at most one active conversation a contact.
CREATE TABLE IF NOT EXISTS ${prefix}whatsapp_conversations (
    id              VARCHAR(36)  PRIMARY KEY,
    seq             BIGINT       NOT NULL UNIQUE,
    number          VARCHAR(40)  NOT NULL UNIQUE,
    contact         VARCHAR(100) NOT NULL,
    active_contact  VARCHAR(100) UNIQUE,
    contact_name    VARCHAR(200),
    requester_id    VARCHAR(200) NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    ticket_id       VARCHAR(36)  REFERENCES ${prefix}tickets (id),
    reference       VARCHAR(40),
    last_inbound_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_contact ON ${prefix}whatsapp_conversations (contact, seq);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_status ON ${prefix}whatsapp_conversations (status, seq);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_ticket ON ${prefix}whatsapp_conversations (ticket_id);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_created ON ${prefix}whatsapp_conversations (created_at);

-- Who each WhatsApp contact is: the key its conversations are held under (the phone number or business-scoped user
-- id it first wrote with), its phone number when shared, its current business-scoped user id (replaced on a
-- user_changed_user_id system webhook) and its username.
CREATE TABLE IF NOT EXISTS ${prefix}whatsapp_contacts (
    contact      VARCHAR(100) PRIMARY KEY,
    phone_number VARCHAR(15),
    user_id      VARCHAR(100),
    username     VARCHAR(100),
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_contacts_phone ON ${prefix}whatsapp_contacts (phone_number);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_contacts_user ON ${prefix}whatsapp_contacts (user_id);

-- The transcript of each conversation: the customer's messages, and the agents' and automated replies. An
-- outbound line sent through the send queue keeps its delivery: delivery_state (QUEUED, SENT, DELIVERED, READ,
-- FAILED, UNKNOWN), the channel's id once sent, and delivery_rank, by which the channel's reports only move it up;
-- pricing_* keep how the channel priced it (model, category, type), from its status reports, for cost by category.
CREATE TABLE IF NOT EXISTS ${prefix}whatsapp_messages (
    pos             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              VARCHAR(200) NOT NULL UNIQUE,
    conversation_id VARCHAR(36)  NOT NULL REFERENCES ${prefix}whatsapp_conversations (id),
    contact         VARCHAR(100) NOT NULL,
    author          VARCHAR(10)  NOT NULL,
    author_id       VARCHAR(200) NOT NULL,
    author_name     VARCHAR(200) NOT NULL,
    body            TEXT NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    provider_message_id VARCHAR(200) UNIQUE,
    delivery_state  VARCHAR(10),
    delivery_rank   INT,
    delivery_detail VARCHAR(500),
    delivery_at     TIMESTAMPTZ,
    pricing_model    VARCHAR(40),
    pricing_category VARCHAR(40),
    pricing_type     VARCHAR(40)
);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_messages_conversation ON ${prefix}whatsapp_messages (conversation_id, created_at, pos);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_messages_author ON ${prefix}whatsapp_messages (contact, author, created_at);

-- Ticket events written in the same transaction as their change; relays claim live rows (dead_at NULL) oldest
-- first with FOR UPDATE SKIP LOCKED, for a lease they renew while delivering, and delete a row once it is
-- delivered. A dead row (dead_at set, with last_error) failed too often or could not be read; it waits for an
-- operator to retry (dead_at back to NULL) or delete it. aggregate_type ('ticket') and payload (the event as JSON text,
-- EventPayload) are the columns Debezium's outbox event router reads; the relay reads the other columns.
CREATE TABLE IF NOT EXISTS ${prefix}outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type    VARCHAR(40)  NOT NULL,
    ticket_id     VARCHAR(36)  NOT NULL,
    actor_id      VARCHAR(200) NOT NULL,
    actor_role    VARCHAR(10)  NOT NULL,
    actor_name    VARCHAR(200) NOT NULL,
    message_id    VARCHAR(36),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    sla_target    VARCHAR(20),
    attempts      INT          NOT NULL,
    claimed_by    VARCHAR(100),
    claimed_until TIMESTAMPTZ,
    dead_at       TIMESTAMPTZ,
    last_error    VARCHAR(1000),
    aggregate_type VARCHAR(40) NOT NULL,
    payload       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}outbox_live ON ${prefix}outbox (dead_at, id);

-- Durable jobs: inbound webhook messages waiting to be applied and outbound messages waiting to be sent. A job's key
-- is unique within its kind while the job is kept (done jobs too, until purged), so a redelivery is one job; workers
-- claim PENDING jobs whose available_at has come with FOR UPDATE SKIP LOCKED, for a lease that moves available_at on.
CREATE TABLE IF NOT EXISTS ${prefix}jobs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    job_key      VARCHAR(200)  NOT NULL,
    payload      BYTEA NOT NULL,
    state        VARCHAR(10)   NOT NULL,
    attempts     INT           NOT NULL,
    claimed_by   VARCHAR(100),
    available_at TIMESTAMPTZ  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ ,
    last_error   VARCHAR(1000),
    about_ref    VARCHAR(200),
    UNIQUE (kind, job_key)
);
CREATE INDEX IF NOT EXISTS ${prefix}jobs_claimable ON ${prefix}jobs (kind, state, available_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}jobs_finished ON ${prefix}jobs (kind, state, finished_at);

-- Each ticket's SLA schedule: when its nearest unfulfilled target is due (the queue sorts and filters by it) and
-- when the SLA watcher next looks at it (a warning or a due moment to come). Watchers claim due checks with
-- FOR UPDATE SKIP LOCKED by moving next_check_at a lease on. sla_events keeps each announced SLA event once.
CREATE TABLE IF NOT EXISTS ${prefix}sla_schedule (
    ticket_id     VARCHAR(36) PRIMARY KEY REFERENCES ${prefix}tickets (id),
    next_due_at   TIMESTAMPTZ,
    next_check_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS ${prefix}sla_schedule_check ON ${prefix}sla_schedule (next_check_at);
CREATE INDEX IF NOT EXISTS ${prefix}sla_schedule_due ON ${prefix}sla_schedule (next_due_at);
CREATE TABLE IF NOT EXISTS ${prefix}sla_events (
    ticket_id    VARCHAR(36)  NOT NULL,
    event_key    VARCHAR(100) NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, event_key)
);

-- The agents of automatic assignment: presence (AVAILABLE, AWAY, OFFLINE), capacity (the most open tickets automatic
-- assignment gives them) and the category codes they handle, one a line. An assignment locks the AVAILABLE agents'
-- rows (SELECT ... FOR UPDATE, in agent_id order) until it commits, so decisions on an agent's load are taken one at
-- a time.
CREATE TABLE IF NOT EXISTS ${prefix}agents (
    agent_id     VARCHAR(200)  PRIMARY KEY,
    display_name VARCHAR(200)  NOT NULL,
    presence     VARCHAR(10)   NOT NULL,
    capacity     INT           NOT NULL,
    categories   VARCHAR(2100) NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}agents_presence ON ${prefix}agents (presence, agent_id);

-- Round-robin rotations: the agent each chose last, locked by the assignment that moves it on.
CREATE TABLE IF NOT EXISTS ${prefix}assignment_rotations (
    rotation      VARCHAR(40)  PRIMARY KEY,
    last_agent_id VARCHAR(200) NOT NULL
);

-- Data subjects (POPIA). The marketing-consent ledger is append-only: a contact's latest line (by recorded_at, then
-- pos) is in force, and marketing is sent only when it is an opt-in.
CREATE TABLE IF NOT EXISTS ${prefix}marketing_consent (
    pos         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact     VARCHAR(100) NOT NULL,
    choice      VARCHAR(10)  NOT NULL,
    source      VARCHAR(200) NOT NULL,
    actor_id    VARCHAR(200) NOT NULL,
    actor_role  VARCHAR(10)  NOT NULL,
    actor_name  VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}marketing_consent_contact ON ${prefix}marketing_consent (contact, recorded_at, pos);

-- The trail of data-subject requests (export, correction, erasure, anonymisation); subject_ref becomes the pseudonym
-- of an erased person.
CREATE TABLE IF NOT EXISTS ${prefix}data_subject_requests (
    pos          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         VARCHAR(10)  NOT NULL,
    subject_ref  VARCHAR(200) NOT NULL,
    actor_id     VARCHAR(200) NOT NULL,
    actor_role   VARCHAR(10)  NOT NULL,
    actor_name   VARCHAR(200) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    outcome      VARCHAR(500) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}data_subject_requests_subject ON ${prefix}data_subject_requests (subject_ref);

-- A person's records are found by who wrote them (and their jobs and notifications by key, whatever the kind), and
-- retention purges find closed records by their last change.
CREATE INDEX IF NOT EXISTS ${prefix}messages_author ON ${prefix}messages (author_id);
CREATE INDEX IF NOT EXISTS ${prefix}audit_events_actor ON ${prefix}audit_events (actor_id);
CREATE INDEX IF NOT EXISTS ${prefix}outbox_ticket ON ${prefix}outbox (ticket_id);
CREATE INDEX IF NOT EXISTS ${prefix}outbox_actor ON ${prefix}outbox (actor_id);
CREATE INDEX IF NOT EXISTS ${prefix}jobs_key ON ${prefix}jobs (job_key);
-- a send is found by the transcript line it records, for an erasure or purge of that line
CREATE INDEX IF NOT EXISTS ${prefix}jobs_about ON ${prefix}jobs (about_ref);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_requester ON ${prefix}whatsapp_conversations (requester_id);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_closed ON ${prefix}whatsapp_conversations (status, updated_at);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_closed ON ${prefix}tickets (status, updated_at);

-- Files kept by the JDBC AttachmentStore (WhatsApp media and agents' files): the record and the bytes in one row, so
-- a record is never without its bytes. No foreign keys: the store may keep files for conversations kept elsewhere.
CREATE TABLE IF NOT EXISTS ${prefix}stored_attachments (
    id                VARCHAR(36)  PRIMARY KEY,
    kind              VARCHAR(10)  NOT NULL,
    content_type      VARCHAR(100) NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    file_name         TEXT,
    caption           TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    conversation_id   VARCHAR(36),
    ticket_id         VARCHAR(36),
    requester_id      VARCHAR(200),
    source_message_id VARCHAR(200),
    content           BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}stored_attachments_conversation ON ${prefix}stored_attachments (conversation_id, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}stored_attachments_ticket ON ${prefix}stored_attachments (ticket_id, created_at, id);

-- Satisfaction surveys: at most one per ticket (the primary key), asked when the ticket is resolved; the requester's
-- answer (score 1 to 5, comment exactly as given) is kept here and as a SATISFACTION_RATED audit event. The index finds
-- when a requester was last asked (the loop guard of one survey per requester per interval).
CREATE TABLE IF NOT EXISTS ${prefix}satisfaction_surveys (
    ticket_id     VARCHAR(36)  PRIMARY KEY REFERENCES ${prefix}tickets (id),
    ticket_number VARCHAR(40)  NOT NULL,
    requester_id  VARCHAR(200) NOT NULL,
    asked_at      TIMESTAMPTZ NOT NULL,
    score         INT,
    answer_text   TEXT,
    answered_at   TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS ${prefix}satisfaction_surveys_requester ON ${prefix}satisfaction_surveys (requester_id, asked_at);

-- Satisfaction surveys of WhatsApp conversations closed without a ticket: at most one per conversation (the unique
-- key), asked when the conversation closes; the id is random, as the reply buttons carry it. The indexes find when a
-- contact was last asked (the loop guard) and the surveys asked in an analytics period.
CREATE TABLE IF NOT EXISTS ${prefix}conversation_surveys (
    id                  VARCHAR(36)  PRIMARY KEY,
    conversation_id     VARCHAR(36)  NOT NULL UNIQUE,
    conversation_number VARCHAR(40)  NOT NULL,
    contact             VARCHAR(100) NOT NULL,
    asked_at            TIMESTAMPTZ NOT NULL,
    score               INT,
    answer_text         TEXT,
    answered_at         TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS ${prefix}conversation_surveys_contact ON ${prefix}conversation_surveys (contact, asked_at);
CREATE INDEX IF NOT EXISTS ${prefix}conversation_surveys_asked ON ${prefix}conversation_surveys (asked_at);

-- Analytics facts: one narrow row per ticket with what the report aggregates, written in the unit of work of every
-- change that moves a figure (creation, status, assignment, first response, purge), so a report reads this table
-- instead of the wide tickets table. open_now is 1 while the ticket is NEW, OPEN, PENDING or ON_HOLD; spans are wall
-- microseconds from created_at (first public reply of support; first STATUS_CHANGED audit event to RESOLVED or
-- CLOSED, resolved_at); reopened is 1 once a STATUS_CHANGED event left RESOLVED or CLOSED for another status.
CREATE TABLE IF NOT EXISTS ${prefix}ticket_facts (
    ticket_id         VARCHAR(36)  PRIMARY KEY REFERENCES ${prefix}tickets (id),
    created_at        TIMESTAMPTZ NOT NULL,
    origin            VARCHAR(10)  NOT NULL,
    category          VARCHAR(40)  NOT NULL,
    priority          VARCHAR(10)  NOT NULL,
    assignee_id       VARCHAR(200),
    open_now          SMALLINT     NOT NULL,
    first_response_us BIGINT,
    resolved_at       TIMESTAMPTZ,
    resolution_us     BIGINT,
    reopened          SMALLINT     NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}ticket_facts_created ON ${prefix}ticket_facts (created_at);
-- Per-agent figures read the facts in agent order from this index alone (byte order, as the report groups them),
-- without sorting the period's facts by agent; the backlog and the agents' open tickets read only the open tickets'
-- entries of the partial index.
CREATE INDEX IF NOT EXISTS ${prefix}ticket_facts_agent ON ${prefix}ticket_facts (assignee_id COLLATE "C", created_at)
    INCLUDE (first_response_us, resolution_us);
CREATE INDEX IF NOT EXISTS ${prefix}ticket_facts_open ON ${prefix}ticket_facts (created_at) INCLUDE (assignee_id)
    WHERE open_now = 1;

-- Fills the facts of tickets written before the table existed (SchemaMode.CREATE runs it only when it creates the
-- table; on a filled table it adds nothing).
INSERT INTO ${prefix}ticket_facts (ticket_id, created_at, origin, category, priority, assignee_id, open_now,
    first_response_us, resolved_at, resolution_us, reopened)
SELECT t.id, t.created_at, t.origin, t.category, t.priority, t.assignee_id,
       CASE WHEN t.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END,
       CAST(EXTRACT(EPOCH FROM t.first_responded_at - t.created_at) * 1000000 AS BIGINT),
       r.resolved_at, CAST(EXTRACT(EPOCH FROM r.resolved_at - t.created_at) * 1000000 AS BIGINT), COALESCE(r.reopened, 0)
FROM ${prefix}tickets t LEFT JOIN (SELECT ticket_id,
        MIN(CASE WHEN after_value IN ('RESOLVED', 'CLOSED') THEN at END) AS resolved_at,
        MAX(CASE WHEN before_value IN ('RESOLVED', 'CLOSED') AND after_value NOT IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END)
            AS reopened
    FROM ${prefix}audit_events WHERE action = 'STATUS_CHANGED' GROUP BY ticket_id) r ON r.ticket_id = t.id
WHERE NOT EXISTS (SELECT 1 FROM ${prefix}ticket_facts f WHERE f.ticket_id = t.id);

CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
    version    INT         PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL
);
