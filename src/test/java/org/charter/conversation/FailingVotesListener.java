package org.charter.conversation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** In test classes that set {@code charter.test.failing-votes-listener=true}: a listener of stored votes that fails. */
@Singleton
@Requires(property = "charter.test.failing-votes-listener", value = "true")
final class FailingVotesListener {

    final AtomicInteger calls = new AtomicInteger();

    @EventListener
    void onVotes(VotesStored votes) {
        calls.incrementAndGet();
        throw new IllegalStateException("this listener always fails");
    }
}
