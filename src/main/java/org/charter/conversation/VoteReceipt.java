package org.charter.conversation;

/** The acknowledgement of a committed vote, with the next statement so the client never waits between cards. */
public record VoteReceipt(long statementId, int vote, NextStatement next) {
}
