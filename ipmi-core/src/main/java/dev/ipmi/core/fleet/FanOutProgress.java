package dev.ipmi.core.fleet;

/**
 * Told about each host as its result is in. Called on the fleet's pool, from several threads at
 * once: keep it quick and thread-safe. An exception thrown here is ignored.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface FanOutProgress<T> {
    FanOutProgress<Object> NONE = (r, done, total) -> {};

    /**
     * @param result the host's result
     * @param done   results in so far, this one included
     * @param total  hosts in the fan-out
     */
    void onResult(HostResult<T> result, int done, int total);

    @SuppressWarnings("unchecked")
    static <T> FanOutProgress<T> none() {
        return (FanOutProgress<T>) (FanOutProgress<?>) NONE;
    }
}
