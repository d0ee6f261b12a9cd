package org.charter.conversation;

/**
 * Published when a group of participants' votes in this conversation has been committed ({@link VoteWriter}). Votes
 * are stored outside any transaction, so this is a plain event rather than an after-commit {@link ConversationChanged}.
 */
public record VotesStored(long conversationId) {
}
