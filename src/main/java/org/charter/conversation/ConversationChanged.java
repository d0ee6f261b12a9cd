package org.charter.conversation;

/**
 * Published after a change that the opinion analysis should see (new statements, moderation), once the transaction
 * that made it has committed. Participants' votes announce themselves with {@link VotesStored}.
 */
public record ConversationChanged(long conversationId) {
}
