package org.charter.conversation;

/**
 * Published after a change that the opinion analysis should see (votes, new statements, moderation),
 * once the transaction that made it has committed.
 */
public record ConversationChanged(long conversationId) {
}
