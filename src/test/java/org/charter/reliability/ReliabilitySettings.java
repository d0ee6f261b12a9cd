package org.charter.reliability;

import java.util.Map;

/** Application settings the reliability tests share. */
final class ReliabilitySettings {

    private ReliabilitySettings() {
    }

    /**
     * These tests send many votes a second from one address on purpose; the per-participant and per-address rate
     * limits (429) would refuse most of them and hide what is measured: that acknowledged votes are stored.
     */
    static Map<String, String> withoutRateLimits() {
        return Map.of("charter.abuse.rate-limit.enabled", "false");
    }
}
