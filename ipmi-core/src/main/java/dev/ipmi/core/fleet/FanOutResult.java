package dev.ipmi.core.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one fan-out, one per host in the order the hosts were given.
 *
 * @param results one entry per host
 * @param <T>     the value type
 */
public record FanOutResult<T>(List<HostResult<T>> results) {
    public FanOutResult {
        results = List.copyOf(results);
    }

    public List<HostResult<T>> successes() {
        return results.stream().filter(HostResult::ok).toList();
    }

    public List<HostResult<T>> failures() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    public boolean allOk() {
        return results.stream().allMatch(HostResult::ok);
    }

    /** Host → value of the hosts that succeeded (a null value is left out). */
    public Map<String, T> values() {
        Map<String, T> m = new LinkedHashMap<>();
        for (HostResult<T> r : results) {
            if (r instanceof HostResult.Success<T> s && s.value() != null) {
                m.put(s.host(), s.value());
            }
        }
        return m;
    }
}
