package org.charter.conversation;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Adding statements (seeds by organizers, submissions by participants) and moderating them. */
@Singleton
public class StatementService {

    private final StatementRepository statements;
    private final VoteStore votes;
    private final ApplicationEventPublisher<ConversationChanged> changes;

    StatementService(StatementRepository statements, VoteStore votes, ApplicationEventPublisher<ConversationChanged> changes) {
        this.statements = statements;
        this.votes = votes;
        this.changes = changes;
    }

    /** An organizer's statement: accepted at once, marked seed. */
    @Transactional
    public StatementRow addSeed(ConversationRow c, String text, boolean meta, String field) {
        return insert(c, text, null, true, meta, StatementStatus.ACCEPTED, field);
    }

    /**
     * A participant's statement. Polis records the author's agreement with their own statement, because the
     * math assumes every statement has at least one vote (polis-math.md §1.1); so does Charter.
     */
    @Transactional
    public StatementRow submit(ConversationRow c, long participantId, String text) {
        if (c.isClosed(Instant.now())) {
            throw Problem.conflict("conversation", "this conversation is closed; it no longer accepts statements");
        }
        if (!c.participantsCanWrite()) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "text", "this conversation does not accept statements from participants");
        }
        StatementRow row = insert(c, text, participantId, false, false, StatementStatus.PENDING, "text");
        votes.cast(c.id(), participantId, row.id(), 1);
        changes.publishEvent(new ConversationChanged(c.id()));
        return row;
    }

    @Transactional
    public StatementView moderate(ConversationRow c, long statementId, StatementChange change) {
        if (change.status() == null && change.meta() == null) {
            throw Problem.invalid("status", "give a new status (accepted, rejected, pending) or meta (true, false)");
        }
        StatementRow s = find(c, statementId);
        StatementRow updated = statements.update(new StatementRow(s.id(), s.conversationId(), s.externalId(), s.text(),
                s.textKey(), s.authorId(), s.isSeed(), change.meta() == null ? s.isMeta() : change.meta(),
                change.status() == null ? s.status() : change.status().column(), s.createdAt(),
                change.status() == null ? s.moderatedAt() : Instant.now()));
        changes.publishEvent(new ConversationChanged(c.id()));
        return view(updated, votes.tallies(c.id()));
    }

    @Transactional
    public List<StatementView> list(ConversationRow c, StatementStatus status) {
        Map<Long, long[]> tallies = votes.tallies(c.id());
        List<StatementRow> rows = status == null ? statements.findByConversationIdOrderById(c.id())
                : statements.findByConversationIdAndStatusOrderById(c.id(), status.column());
        return rows.stream().map(s -> view(s, tallies)).toList();
    }

    /** Statements participants can see: accepted ones, plus unmoderated ones unless the conversation is pre-moderated. */
    @Transactional
    public List<StatementCard> visible(ConversationRow c) {
        return statements.findByConversationIdOrderById(c.id()).stream()
                .filter(s -> isVisible(c, s))
                .map(s -> new StatementCard(s.id(), s.text(), s.isMeta()))
                .toList();
    }

    StatementRow find(ConversationRow c, long statementId) {
        return statements.findByIdAndConversationId(statementId, c.id())
                .orElseThrow(() -> Problem.notFound("statementId", "no statement " + statementId + " in this conversation"));
    }

    static boolean isVisible(ConversationRow c, StatementRow s) {
        StatementStatus status = StatementStatus.of(s.status());
        return status == StatementStatus.ACCEPTED || (status == StatementStatus.PENDING && !c.preModerated());
    }

    private StatementRow insert(ConversationRow c, String rawText, Long authorId, boolean seed, boolean meta,
                                StatementStatus status, String field) {
        String text = StatementText.clean(rawText);
        if (text.isEmpty()) {
            throw Problem.invalid(field, "a statement must not be empty");
        }
        if (text.codePointCount(0, text.length()) > c.statementMaxLength()) {
            throw Problem.invalid(field, "a statement can have at most " + c.statementMaxLength() + " characters; this one has "
                    + text.codePointCount(0, text.length()));
        }
        String key = StatementText.key(text);
        statements.findByConversationIdAndTextKey(c.id(), key).ifPresent(existing -> {
            throw Problem.conflict(field, "this statement already exists (statement " + existing.id() + ")");
        });
        return statements.save(new StatementRow(null, c.id(), null, text, key, authorId, seed, meta, status.column(),
                Instant.now(), status == StatementStatus.PENDING ? null : Instant.now()));
    }

    private static StatementView view(StatementRow s, Map<Long, long[]> tallies) {
        long[] t = tallies.getOrDefault(s.id(), new long[3]);
        return new StatementView(s.id(), s.text(), StatementStatus.of(s.status()), s.isSeed(), s.isMeta(), s.authorId(),
                s.externalId(), s.createdAt(), t[0], t[1], t[2]);
    }
}
