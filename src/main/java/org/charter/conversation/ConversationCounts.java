package org.charter.conversation;

import java.time.Instant;

/**
 * Live counts: participants who joined, participants who voted, statements by moderation state,
 * current votes (latest per participant and statement) and every vote cast including changed ones.
 */
public record ConversationCounts(
        long participants,
        long voters,
        long statements,
        long accepted,
        long pending,
        long rejected,
        long votes,
        long voteEvents,
        Instant lastActivity) {
}
