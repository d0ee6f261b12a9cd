package org.charter.conversation;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for participants' votes. Votes cast at the same moment queue here and one writer stores each group with
 * a single SQL statement, atomic on its own (so no explicit transaction and no extra round trips for BEGIN and
 * COMMIT), and PostgreSQL commits once per group instead of once per vote. A voter waits until its group
 * is committed, so a vote is still acknowledged only once it is stored. Under light load a group is one vote and
 * nothing waits for company; under heavy load groups grow by themselves while the previous one commits.
 */
@Singleton
final class VoteWriter {

    private static final Logger LOG = LoggerFactory.getLogger(VoteWriter.class);

    /** One vote waiting for its group; {@code done} completes when the group commits, or with the vote's failure. */
    private record Pending(VoteStore.Cast cast, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final VoteStore votes;
    private final ConnectionOperations<Connection> connections;
    private final ApplicationEventPublisher<VotesStored> stored;
    private final int maxGroup;
    private final Thread writer;
    private volatile boolean closing;

    VoteWriter(VoteStore votes, ConnectionOperations<Connection> connections, ApplicationEventPublisher<VotesStored> stored,
               @Value("${charter.votes.max-group:500}") int maxGroup) {
        this.votes = votes;
        this.connections = connections;
        this.stored = stored;
        this.maxGroup = Math.max(1, maxGroup);
        this.writer = Thread.ofPlatform().name("vote-writer").daemon().start(this::run);
    }

    /** Stores the vote; returns once it is committed, or throws what storing it threw. */
    void cast(long conversationId, long participantId, long statementId, int value) {
        if (closing) {
            throw new IllegalStateException("the server is shutting down; the vote was not stored");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(new VoteStore.Cast(conversationId, participantId, statementId, value), done));
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue; // interrupted by close(): the loop condition decides whether anything is left
            }
            queue.drainTo(group, maxGroup - 1);
            write(group);
            group.clear();
        }
    }

    private void write(List<Pending> group) {
        try {
            connections.execute(ConnectionDefinition.DEFAULT, status -> {
                votes.castAll(group.stream().map(Pending::cast).toList());
                return null;
            });
        } catch (RuntimeException groupFailed) {
            // One bad vote (say, its statement was deleted a moment ago) must not fail its neighbours: store them alone.
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(groupFailed);
                return;
            }
            LOG.debug("a group of {} votes failed, storing them one by one", group.size(), groupFailed);
            for (Pending p : group) {
                write(List.of(p));
            }
            return;
        } catch (Error e) {
            group.forEach(p -> p.done().completeExceptionally(e));
            throw e;
        }
        group.forEach(p -> p.done().complete(null));
        // Outside the try: the votes are stored, and nothing a listener does may make them be stored again.
        group.stream().mapToLong(p -> p.cast().conversationId()).distinct().forEach(this::announce);
    }

    private void announce(long conversationId) {
        try {
            stored.publishEvent(new VotesStored(conversationId));
        } catch (RuntimeException e) {
            LOG.warn("votes of conversation {} are stored, but telling the analysis failed; its sweep will find them",
                    conversationId, e);
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        writer.interrupt();
        writer.join(10_000);
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(new IllegalStateException("the server shut down before the vote was stored"));
        }
    }
}
