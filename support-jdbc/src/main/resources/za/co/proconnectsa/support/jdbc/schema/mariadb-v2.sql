-- ProConnect Support SDK schema, version 2, MariaDB 10.6+ (instants stored as UTC in DATETIME(6)).
-- ${prefix} is the table prefix (default "support_"). Copy this file into Flyway or Liquibase if you
-- manage the schema yourself, and build the store with SchemaMode.VALIDATE or NONE.
-- Tables default to utf8mb4 (4-byte emoji) with the binary collation utf8mb4_bin, so ids compare exactly, case and
-- all; it pads spaces, which cannot join two ids because the library refuses spaces in ids. Only subject and bodies
-- are case-insensitive (utf8mb4_unicode_ci), for search.
CREATE SEQUENCE IF NOT EXISTS ${prefix}ticket_number_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE IF NOT EXISTS ${prefix}conversation_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS ${prefix}tickets (
    id                 VARCHAR(36)  PRIMARY KEY,
    seq                BIGINT       NOT NULL UNIQUE,
    number             VARCHAR(40)  NOT NULL UNIQUE,
    subject            VARCHAR(500) COLLATE utf8mb4_unicode_ci NOT NULL,
    body               MEDIUMTEXT COLLATE utf8mb4_unicode_ci NOT NULL,
    category           VARCHAR(40)  NOT NULL,
    priority           VARCHAR(10)  NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    origin             VARCHAR(10)  NOT NULL,
    requester_id       VARCHAR(200) NOT NULL,
    assignee_id        VARCHAR(200),
    tags               MEDIUMTEXT         NOT NULL,
    fingerprint        VARCHAR(64)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    first_responded_at DATETIME(6),
    version            BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}tickets_status_seq ON ${prefix}tickets (status, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_category_seq ON ${prefix}tickets (category, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_priority_seq ON ${prefix}tickets (priority, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_origin_seq ON ${prefix}tickets (origin, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_assignee_seq ON ${prefix}tickets (assignee_id, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_requester_seq ON ${prefix}tickets (requester_id, seq);
CREATE INDEX IF NOT EXISTS ${prefix}tickets_duplicate ON ${prefix}tickets (requester_id, fingerprint, created_at);
CREATE FULLTEXT INDEX IF NOT EXISTS ${prefix}tickets_text ON ${prefix}tickets (subject, body);

CREATE TABLE IF NOT EXISTS ${prefix}messages (
    pos         BIGINT AUTO_INCREMENT PRIMARY KEY,
    id          VARCHAR(36)  NOT NULL UNIQUE,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    author_id   VARCHAR(200) NOT NULL,
    author_role VARCHAR(10)  NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    body        MEDIUMTEXT         NOT NULL,
    visibility  VARCHAR(10)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}messages_ticket ON ${prefix}messages (ticket_id, created_at, pos);

CREATE TABLE IF NOT EXISTS ${prefix}attachments (
    pos          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id    VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    message_id   VARCHAR(36),
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    reference    VARCHAR(500) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}attachments_ticket ON ${prefix}attachments (ticket_id, pos);

CREATE TABLE IF NOT EXISTS ${prefix}audit_events (
    pos          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id    VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    actor_id     VARCHAR(200) NOT NULL,
    actor_role   VARCHAR(10)  NOT NULL,
    actor_name   VARCHAR(200) NOT NULL,
    action       VARCHAR(30)  NOT NULL,
    before_value VARCHAR(500),
    after_value  VARCHAR(500),
    visibility   VARCHAR(10)  NOT NULL,
    at           DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}audit_events_ticket ON ${prefix}audit_events (ticket_id, at, pos);

CREATE TABLE IF NOT EXISTS ${prefix}idempotency_keys (
    scope     VARCHAR(200) NOT NULL,
    idem_key  VARCHAR(200) NOT NULL,
    ticket_id VARCHAR(36)  NOT NULL REFERENCES ${prefix}tickets (id),
    PRIMARY KEY (scope, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- WhatsApp message ids already ingested: webhooks deliver at least once.
CREATE TABLE IF NOT EXISTS ${prefix}whatsapp_processed (
    message_id   VARCHAR(200) PRIMARY KEY,
    processed_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

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
    last_inbound_at DATETIME(6),
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_contact ON ${prefix}whatsapp_conversations (contact, seq);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_status ON ${prefix}whatsapp_conversations (status, seq);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_conversations_ticket ON ${prefix}whatsapp_conversations (ticket_id);

-- The transcript of each conversation: the customer's messages, and the agents' and automated replies.
CREATE TABLE IF NOT EXISTS ${prefix}whatsapp_messages (
    pos             BIGINT AUTO_INCREMENT PRIMARY KEY,
    id              VARCHAR(200) NOT NULL UNIQUE,
    conversation_id VARCHAR(36)  NOT NULL REFERENCES ${prefix}whatsapp_conversations (id),
    contact         VARCHAR(100) NOT NULL,
    author          VARCHAR(10)  NOT NULL,
    author_id       VARCHAR(200) NOT NULL,
    author_name     VARCHAR(200) NOT NULL,
    body            MEDIUMTEXT COLLATE utf8mb4_unicode_ci NOT NULL,
    created_at      DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_messages_conversation ON ${prefix}whatsapp_messages (conversation_id, created_at, pos);
CREATE INDEX IF NOT EXISTS ${prefix}whatsapp_messages_author ON ${prefix}whatsapp_messages (contact, author, created_at);

-- Ticket events written in the same transaction as their change; relays claim rows oldest first with
-- FOR UPDATE SKIP LOCKED, for a lease, and delete a row once it is delivered.
CREATE TABLE IF NOT EXISTS ${prefix}outbox (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_type    VARCHAR(20)  NOT NULL,
    ticket_id     VARCHAR(36)  NOT NULL,
    actor_id      VARCHAR(200) NOT NULL,
    actor_role    VARCHAR(10)  NOT NULL,
    actor_name    VARCHAR(200) NOT NULL,
    message_id    VARCHAR(36),
    occurred_at   DATETIME(6)  NOT NULL,
    attempts      INT          NOT NULL,
    claimed_by    VARCHAR(100),
    claimed_until DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
    version    INT         PRIMARY KEY,
    applied_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
