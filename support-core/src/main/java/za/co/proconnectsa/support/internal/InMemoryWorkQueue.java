package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.QueueChecks;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The job queue of {@link za.co.proconnectsa.support.store.InMemoryTicketStore}. Not thread-safe on its own: the
 * store calls it under its lock, and every change records how to take it back in the store's {@link UndoLog}.
 */
public final class InMemoryWorkQueue implements WorkQueue {

    /** A job with its claim. */
    private static final class Slot {
        Job job;
        String owner;
        Instant availableAt;
        /** The record the job is about, or null. */
        String about;

        Slot(Job job, Instant availableAt) {
            this.job = job;
            this.availableAt = availableAt;
        }

        Slot copy() {
            Slot s = new Slot(job, availableAt);
            s.owner = owner;
            s.about = about;
            return s;
        }
    }

    private final UndoLog undo;
    private final NavigableMap<Long, Slot> jobs = new TreeMap<>();
    private final Map<String, Long> byKey = new HashMap<>();
    private long nextId;

    /** @param undo where changes made inside the store's unit of work record how to take them back */
    public InMemoryWorkQueue(UndoLog undo) {
        this.undo = undo;
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at) {
        return enqueueJob(kind, key, payload, at, null);
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at, String about) {
        QueueChecks.kindAndKey(kind, key);
        QueueChecks.about(about);
        Checks.notNull(payload, "payload");
        Checks.notNull(at, "at");
        String k = kind + "\n" + key;
        if (byKey.containsKey(k)) {
            return false;
        }
        long id = ++nextId;
        Slot slot = new Slot(new Job(id, kind, key, payload, JobState.PENDING, 0, at, null, null), at);
        slot.about = about;
        jobs.put(id, slot);
        byKey.put(k, id);
        undo.record(() -> {
            jobs.remove(id);
            byKey.remove(k);
        });
        return true;
    }

    @Override
    public List<Job> claimJobs(String kind, String owner, int max, Duration lease, Instant now) {
        QueueChecks.claim(kind, owner, max, lease, now);
        List<Job> claimed = new ArrayList<>();
        for (Slot slot : jobs.values()) {
            if (claimed.size() == max) {
                break;
            }
            if (slot.job.kind().equals(kind) && slot.job.state() == JobState.PENDING && !slot.availableAt.isAfter(now)) {
                change(slot);
                Job j = slot.job;
                slot.job = new Job(j.id(), j.kind(), j.key(), j.payload(), j.state(), j.attempts() + 1, j.createdAt(),
                        null, j.lastError());
                slot.owner = owner;
                slot.availableAt = now.plus(lease);
                claimed.add(slot.job);
            }
        }
        return claimed;
    }

    @Override
    public boolean renewJob(long jobId, String owner, Instant until) {
        Slot slot = held(jobId, owner);
        if (slot == null) {
            return false;
        }
        change(slot);
        slot.availableAt = Checks.notNull(until, "until");
        return true;
    }

    @Override
    public boolean completeJob(long jobId, String owner, Instant at) {
        return finish(jobId, owner, JobState.DONE, null, at);
    }

    @Override
    public boolean releaseJob(long jobId, String owner, Instant retryAt, String error) {
        Slot slot = held(jobId, owner);
        if (slot == null) {
            return false;
        }
        change(slot);
        Job j = slot.job;
        slot.job = new Job(j.id(), j.kind(), j.key(), j.payload(), JobState.PENDING, j.attempts(), j.createdAt(), null,
                QueueChecks.cut(error));
        slot.owner = null;
        slot.availableAt = Checks.notNull(retryAt, "retryAt");
        return true;
    }

    @Override
    public boolean buryJob(long jobId, String owner, String reason, Instant at) {
        return finish(jobId, owner, JobState.DEAD, QueueChecks.cut(reason), at);
    }

    private boolean finish(long jobId, String owner, JobState state, String error, Instant at) {
        Checks.notNull(at, "at");
        Slot slot = held(jobId, owner);
        if (slot == null) {
            return false;
        }
        change(slot);
        Job j = slot.job;
        slot.job = new Job(j.id(), j.kind(), j.key(), j.payload(), state, j.attempts(), j.createdAt(), at,
                error == null ? j.lastError() : error);
        slot.owner = null;
        return true;
    }

    /** The job, if {@code owner} holds it (claimed, pending, lease not released). */
    private Slot held(long jobId, String owner) {
        Checks.notNull(owner, "owner");
        Slot slot = jobs.get(jobId);
        return slot != null && slot.job.state() == JobState.PENDING && owner.equals(slot.owner) ? slot : null;
    }

    private void change(Slot slot) {
        Slot before = slot.copy();
        undo.record(() -> {
            slot.job = before.job;
            slot.owner = before.owner;
            slot.availableAt = before.availableAt;
        });
    }

    @Override
    public Optional<Job> findJob(String kind, String key) {
        QueueChecks.kindAndKey(kind, key);
        return Optional.ofNullable(byKey.get(kind + "\n" + key)).map(id -> jobs.get(id).job);
    }

    @Override
    public List<Job> deadJobs(String kind, long afterId, int limit) {
        return list(kind, afterId, limit, true);
    }

    @Override
    public List<Job> jobs(String kind, long afterId, int limit) {
        return list(kind, afterId, limit, false);
    }

    private List<Job> list(String kind, long afterId, int limit, boolean deadOnly) {
        Checks.notNull(kind, "kind");
        QueueChecks.limit(limit);
        List<Job> out = new ArrayList<>();
        for (Slot slot : jobs.tailMap(afterId, false).values()) {
            if (out.size() == limit) {
                break;
            }
            if (slot.job.kind().equals(kind) && (!deadOnly || slot.job.state() == JobState.DEAD)) {
                out.add(slot.job);
            }
        }
        return out;
    }

    @Override
    public boolean retryDeadJob(long jobId) {
        Slot slot = jobs.get(jobId);
        if (slot == null || slot.job.state() != JobState.DEAD) {
            return false;
        }
        change(slot);
        Job j = slot.job;
        slot.job = new Job(j.id(), j.kind(), j.key(), j.payload(), JobState.PENDING, 0, j.createdAt(), null, j.lastError());
        slot.owner = null;
        slot.availableAt = Instant.MIN;
        return true;
    }

    @Override
    public long pendingJobs(String kind) {
        Checks.notNull(kind, "kind");
        return jobs.values().stream().filter(s -> s.job.kind().equals(kind) && s.job.state() == JobState.PENDING).count();
    }

    @Override
    public int purgeDoneJobs(String kind, Instant before) {
        Checks.notNull(kind, "kind");
        Checks.notNull(before, "before");
        List<Long> gone = new ArrayList<>();
        for (Map.Entry<Long, Slot> e : jobs.entrySet()) {
            Job j = e.getValue().job;
            if (j.kind().equals(kind) && j.state() == JobState.DONE && j.finishedAt().isBefore(before)) {
                gone.add(e.getKey());
            }
        }
        for (Long id : gone) {
            Slot slot = jobs.remove(id);
            String k = slot.job.kind() + "\n" + slot.job.key();
            byKey.remove(k);
            undo.record(() -> {
                jobs.put(id, slot);
                byKey.put(k, id);
            });
        }
        return gone.size();
    }

    /**
     * @param keys job keys
     * @return the jobs with one of these keys, any kind and state, by id
     */
    public List<Job> findKeys(java.util.Set<String> keys) {
        Checks.notNull(keys, "keys");
        return jobs.values().stream().map(s -> s.job).filter(job -> keys.contains(job.key())).toList();
    }

    /**
     * Deletes every job, of any kind and state, with one of these keys.
     *
     * @param keys the keys
     * @return how many were deleted
     */
    public int dropKeys(java.util.Set<String> keys) {
        Checks.notNull(keys, "keys");
        Map<Long, Slot> removed = new HashMap<>();
        jobs.entrySet().removeIf(e -> {
            if (keys.contains(e.getValue().job.key())) {
                removed.put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
        removed.values().forEach(s -> byKey.remove(s.job.kind() + "\n" + s.job.key()));
        undo.record(() -> removed.forEach((id, s) -> {
            jobs.put(id, s);
            byKey.put(s.job.kind() + "\n" + s.job.key(), id);
        }));
        return removed.size();
    }

    /**
     * @param keys job keys
     * @return the records the jobs with one of these keys are about, where they name one
     */
    public java.util.Set<String> aboutOfKeys(java.util.Set<String> keys) {
        Checks.notNull(keys, "keys");
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        jobs.values().stream().filter(s -> s.about != null && keys.contains(s.job.key())).forEach(s -> out.add(s.about));
        return out;
    }

    /**
     * Empties the jobs with one of these keys or about one of these records: the payload goes, a pending or dead job
     * becomes done with the note as its last error, the key stays.
     *
     * @param keys  job keys
     * @param about records
     * @param note  the last error of the jobs this finishes
     * @param now   when
     * @return how many were emptied
     */
    public int empty(java.util.Set<String> keys, java.util.Set<String> about, String note, Instant now) {
        Checks.notNull(keys, "keys");
        Checks.notNull(about, "about");
        Checks.notNull(now, "now");
        int n = 0;
        for (Slot slot : jobs.values()) {
            boolean byKey = keys.contains(slot.job.key());
            // as on the JDBC store: a job its record finds is skipped when an earlier request emptied it already
            boolean byAbout = slot.about != null && about.contains(slot.about)
                    && !(slot.job.state() == JobState.DONE && slot.job.payload().length == 0);
            if (!byKey && !byAbout) {
                continue;
            }
            change(slot);
            Job j = slot.job;
            boolean done = j.state() == JobState.DONE;
            slot.job = new Job(j.id(), j.kind(), j.key(), new byte[0], JobState.DONE, j.attempts(), j.createdAt(),
                    done ? j.finishedAt() : now, done ? null : QueueChecks.cut(note));
            slot.owner = null;
            n++;
        }
        return n;
    }

    /**
     * Replaces the payload and last error of the jobs with these ids; everything else of each job stays.
     *
     * @param rewritten the jobs as they are to be
     * @return how many were rewritten
     */
    public int rewrite(List<Job> rewritten) {
        Checks.notNull(rewritten, "jobs");
        int n = 0;
        for (Job next : rewritten) {
            Slot slot = jobs.get(next.id());
            if (slot == null) {
                continue;
            }
            Job j = slot.job;
            change(slot);
            slot.job = new Job(j.id(), j.kind(), j.key(), next.payload(), j.state(), j.attempts(), j.createdAt(),
                    j.finishedAt(), next.lastError());
            n++;
        }
        return n;
    }
}
