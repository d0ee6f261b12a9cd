package org.charter.conversation;

/** The next statement to vote on ({@code null} when none is left, with a message saying so). */
public record NextStatement(StatementCard statement, long voted, long remaining, String message) {
}
