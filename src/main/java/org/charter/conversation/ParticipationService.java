package org.charter.conversation;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;
import org.charter.security.SecretTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** What participants do: join, get the next statement, vote, write statements, answer metadata questions. */
@Singleton
public class ParticipationService {

    private final ParticipantRepository participants;
    private final ParticipantTokens tokens;
    private final MetadataQuestionRepository questions;
    private final StatementService statementService;
    private final VoteStore votes;
    private final VoteWriter writer;
    private final ConnectionOperations<Connection> connections;
    private final OpenStatements open;
    private final ConversationService conversations;

    ParticipationService(ConversationService conversations, ParticipantRepository participants, ParticipantTokens tokens,
                         MetadataQuestionRepository questions, StatementService statementService, VoteStore votes,
                         VoteWriter writer, ConnectionOperations<Connection> connections, OpenStatements open) {
        this.participants = participants;
        this.tokens = tokens;
        this.questions = questions;
        this.statementService = statementService;
        this.votes = votes;
        this.writer = writer;
        this.connections = connections;
        this.open = open;
        this.conversations = conversations;
    }

    /**
     * A new identity in the conversation. Anonymous conversations hand out a fresh participant; xid conversations
     * map the organizer's external id to one participant after checking its HMAC signature with the conversation's
     * secret, and a new token replaces the previous one (the signed link is the lasting credential).
     */
    @Transactional
    public ParticipantSession join(ConversationRow c, JoinRequest request) {
        String token = SecretTokens.newToken();
        byte[] hash = SecretTokens.hash(token);
        String xid = request == null ? null : request.xid();
        if (Identity.of(c.identity()) == Identity.ANONYMOUS) {
            if (xid != null) {
                throw Problem.invalid("xid", "this conversation is anonymous; join without an xid");
            }
            ParticipantRow p = participants.save(new ParticipantRow(null, c.id(), null, hash, Instant.now()));
            return new ParticipantSession(p.id(), token, c.slug());
        }
        // xid mode admits only people sent by the organizer's site: the signature proves the site vouches for the xid,
        // so nobody can join as someone else by guessing or copying their xid.
        if (xid == null || xid.isBlank()) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "xid", "this conversation admits only participants coming through"
                    + " a signed link from the organizer's site (with xid and signature)");
        }
        if (c.xidSecret() == null) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "signature", "this conversation has no xid secret yet, so it cannot"
                    + " check links; the organizer must set one");
        }
        if (request.signature() == null || request.signature().isBlank()) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "signature", "the link has no signature; use the signed link from"
                    + " the organizer's site");
        }
        if (!validSignature(c.xidSecret(), xid, request.signature())) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "signature", "the link's signature does not match this xid");
        }
        Optional<ParticipantRow> existing = participants.findByConversationIdAndExternalId(c.id(), xid);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            participants.updateTokenHash(id, hash);
            if (existing.get().tokenHash() != null) {
                tokens.forget(existing.get().tokenHash(), c.id());
            }
        } else {
            id = participants.save(new ParticipantRow(null, c.id(), xid, hash, Instant.now())).id();
        }
        return new ParticipantSession(id, token, c.slug());
    }

    /**
     * The participant a token stands for, if it belongs to this conversation; 401 otherwise. At most one read (see
     * {@link ParticipantTokens}), so no transaction: participants' requests are many and each saved round trip to
     * PostgreSQL shows in their latency.
     */
    public long participant(String conversation, String token) {
        return participant(conversations.resolve(conversation), token);
    }

    long participant(ConversationRow c, String token) {
        if (token == null || token.isBlank()) {
            throw Problem.of(Problem.Kind.UNAUTHORIZED, "X-Participant-Token",
                    "join the conversation first (POST /api/conversations/" + c.slug() + "/participants) and send the token"
                            + " in the X-Participant-Token header");
        }
        return tokens.participant(SecretTokens.hash(token.strip()), c.id())
                .orElseThrow(() -> Problem.of(Problem.Kind.UNAUTHORIZED, "X-Participant-Token",
                        "this participant token is not valid for this conversation; join again"));
    }

    /** The next statement for the participant holding the token (reads only, so on one connection, no transaction). */
    public NextStatement next(String conversation, String token) {
        ConversationRow c = conversations.resolve(conversation);
        return connections.execute(ConnectionDefinition.DEFAULT, status -> next(c, participant(c, token)));
    }

    /**
     * A vote by the participant holding the token, acknowledged once committed. Deliberately not one transaction and
     * no connection held throughout: the checks mostly answer from memory (a connection is taken only for what is not
     * cached), the vote waits for its group commit ({@link VoteWriter}) holding none, so waiting voters never starve
     * the writer of connections, and the next statement is read after that commit, so it already counts the vote.
     */
    public VoteReceipt vote(String conversation, String token, CastVote vote, boolean withNext) {
        ConversationRow c = conversations.resolve(conversation);
        long participantId = participant(c, token);
        int value = checkVote(c, vote);
        writer.cast(c.id(), participantId, vote.statementId(), value); // the writer tells the analysis
        NextStatement next = withNext
                ? connections.execute(ConnectionDefinition.DEFAULT, status -> next(c, participantId))
                : null;
        return new VoteReceipt(vote.statementId(), value, next);
    }

    /** A statement by the participant holding the token. */
    @Transactional
    public StatementCard submit(String conversation, String token, NewStatement statement) {
        ConversationRow c = conversations.resolve(conversation);
        return submit(c, participant(c, token), statement);
    }

    /** Metadata answers of the participant holding the token. */
    @Transactional
    public void answer(String conversation, String token, Map<String, String> answers) {
        ConversationRow c = conversations.resolve(conversation);
        answer(c, participant(c, token), answers);
    }

    /** How many statements this participant has voted on. */
    @Transactional
    public long voted(long participantId) {
        return votes.votedBy(participantId);
    }

    private NextStatement next(ConversationRow c, long participantId) {
        if (c.isClosed(Instant.now())) {
            return new NextStatement(null, votes.votedBy(participantId), 0, "This conversation is closed.");
        }
        Set<Long> voted = votes.votedStatements(participantId);
        StatementRouter router = open.of(c);
        StatementRouter.Candidate pick = router.draw(voted, ThreadLocalRandom.current());
        if (pick == null) {
            return new NextStatement(null, voted.size(), 0, "You have voted on every statement. Thank you!");
        }
        return new NextStatement(new StatementCard(pick.id(), pick.text(), pick.isMeta()), voted.size(),
                router.remaining(voted), null);
    }

    /** The vote's value, once the conversation is open and the statement exists and is open for voting. */
    private int checkVote(ConversationRow c, CastVote vote) {
        if (c.isClosed(Instant.now())) {
            throw Problem.conflict("conversation", "this conversation is closed; it no longer accepts votes");
        }
        int value = parseVote(vote.vote());
        if (open.of(c).find(vote.statementId()) == null) {
            StatementRow s = statementService.find(c, vote.statementId()); // 404 when it does not exist at all
            if (!StatementService.isVisible(c, s)) {
                throw Problem.conflict("statementId", "statement " + s.id() + " is not open for voting (it was removed or awaits moderation)");
            }
        }
        return value;
    }

    @Transactional
    public StatementCard submit(ConversationRow c, long participantId, NewStatement statement) {
        StatementRow row = statementService.submit(c, participantId, statement.text());
        return new StatementCard(row.id(), row.text(), row.isMeta());
    }

    @Transactional
    public void answer(ConversationRow c, long participantId, Map<String, String> answers) {
        Map<String, MetadataQuestionRow> byKey = new java.util.HashMap<>();
        questions.findByConversationIdOrderByPosition(c.id()).forEach(q -> byKey.put(q.key(), q));
        for (Map.Entry<String, String> e : answers.entrySet()) {
            MetadataQuestionRow q = byKey.get(e.getKey());
            if (q == null) {
                throw Problem.invalid(e.getKey(), "this conversation has no question '" + e.getKey() + "'");
            }
            String answer = e.getValue() == null ? "" : e.getValue().strip();
            if (answer.isEmpty() || answer.length() > 200) {
                throw Problem.invalid(e.getKey(), "an answer must have 1 to 200 characters");
            }
            if (q.options() != null && !List.of(q.options()).contains(answer)) {
                throw Problem.invalid(e.getKey(), "answer must be one of " + String.join(", ", q.options()));
            }
            questions.saveAnswer(participantId, q.id(), answer);
        }
    }

    /** agree / disagree / pass, or the numbers 1 / −1 / 0 (agree = +1, as everywhere in Charter). */
    static int parseVote(String vote) {
        return switch (vote == null ? "" : vote.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "agree", "1", "+1" -> 1;
            case "disagree", "-1" -> -1;
            case "pass", "0" -> 0;
            default -> throw Problem.invalid("vote", "vote must be agree, disagree or pass (or 1, -1, 0); got '" + vote + "'");
        };
    }

    /** HMAC-SHA256 of the xid with the conversation's secret, hex-encoded, as the organizer's site computes it. */
    static String signature(String secret, String xid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(xid.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean validSignature(String secret, String xid, String given) {
        return given != null && MessageDigest.isEqual(signature(secret, xid).getBytes(StandardCharsets.US_ASCII),
                given.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
