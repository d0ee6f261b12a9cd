package org.charter.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The acknowledgement of a committed vote, with the next statement so the client never waits between cards
 * ({@code next} is left out when the client asked for none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoteReceipt(long statementId, int vote, NextStatement next) {
}
