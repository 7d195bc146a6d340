package dev.ipmi.core.spi;

import java.util.concurrent.ConcurrentHashMap;

/** The transport providers {@link TransportProvider#find} found so far, by name (the class loader never changes). */
final class FoundProviders {
    static final ConcurrentHashMap<String, TransportProvider> BY_NAME = new ConcurrentHashMap<>();

    private FoundProviders() {}
}
