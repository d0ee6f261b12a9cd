package org.charter.conversation;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.Map;

/** Until an analysis exists, every statement counts as new. */
@Singleton
@Secondary
final class NoRoutingPriorities implements RoutingPriorities {
    @Override
    public Map<Long, Double> priorities(long conversationId) {
        return Map.of();
    }
}
