package za.co.proconnectsa.support.access;

/** The operations the {@link AccessPolicy} rules on. */
public enum Permission {
    /** Submit a ticket for oneself. */
    SUBMIT,
    /** Submit a ticket for someone else (e.g. logging a phone call). */
    SUBMIT_ON_BEHALF,
    /** Read a ticket with its public messages. */
    VIEW_TICKET,
    /** Read internal notes and internal history. */
    VIEW_INTERNAL,
    /** Add a public reply. */
    REPLY,
    /** Add an internal note. */
    ADD_INTERNAL_NOTE,
    /** Mark a ticket RESOLVED or CLOSED ("my problem is solved"). */
    RESOLVE,
    /** Make any allowed status change. */
    CHANGE_STATUS,
    /** Assign or unassign a ticket. */
    ASSIGN,
    /** List every ticket (the agent queue). */
    VIEW_QUEUE,
    /** List, read, answer, escalate and close chat conversations (WhatsApp). */
    WORK_CONVERSATIONS,
    /** Add and change agents on the assignment roster, and set any agent's presence (agents set their own). */
    MANAGE_AGENTS,
    /** Read support analytics: volumes, response times, SLA compliance and per-agent figures. */
    VIEW_ANALYTICS,
    /**
     * Act on a data subject's rights (POPIA): export, correct, erase or anonymise everything held about one person,
     * purge records past their retention, and read the marketing-consent ledger.
     */
    MANAGE_DATA_SUBJECTS,
    /** Record that a contact opted in to or out of direct marketing. */
    RECORD_CONSENT
}
