package org.charter.opinions.store;

import io.micronaut.core.annotation.Introspected;

/** Questions of one source (GAS, WVS…) in a dataset. */
@Introspected
public record SourceCount(String source, long count) {
}
