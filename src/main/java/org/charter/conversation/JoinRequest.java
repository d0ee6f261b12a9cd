package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Size;

/** Joining a conversation: empty for anonymous participants, an external id (and its signature) in xid mode. */
@Introspected
public record JoinRequest(@Nullable @Size(min = 1, max = 200) String xid, @Nullable @Size(max = 200) String signature) {
}
