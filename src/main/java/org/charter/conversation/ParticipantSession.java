package org.charter.conversation;

/** A participant's identity: send {@code token} as the {@code X-Participant-Token} header. */
public record ParticipantSession(long participantId, String token, String conversation) {
}
