package dev.ipmi.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login tokens: 32 random bytes each, kept only in memory (a restart revokes them all) and only as
 * their SHA-256, so a heap dump does not hand out sessions. Expired tokens are dropped lazily and
 * on each new login.
 */
public final class TokenStore {
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final int maxTokens;

    private record Entry(Principal principal, Instant expires) {}

    public record Issued(String token, Instant expires) {
        @Override
        public String toString() {
            return "Issued[token=***, expires=" + expires + "]";
        }
    }

    public TokenStore(Duration ttl, Clock clock, int maxTokens) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    public Issued issue(Principal principal) {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> !e.expires.isAfter(now));
        if (tokens.size() >= maxTokens) {
            // bounded memory under a login flood by valid users: the oldest token goes first
            tokens.entrySet().stream().min((a, b) -> a.getValue().expires.compareTo(b.getValue().expires))
                    .ifPresent(e -> tokens.remove(e.getKey()));
        }
        String token = Secrets.randomToken(32);
        Instant expires = now.plus(ttl);
        tokens.put(Secrets.sha256Hex(token), new Entry(principal, expires));
        return new Issued(token, expires);
    }

    public Optional<Principal> lookup(String token) {
        String key = Secrets.sha256Hex(token);
        Entry e = tokens.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.expires.isAfter(clock.instant())) {
            tokens.remove(key);
            return Optional.empty();
        }
        return Optional.of(e.principal);
    }

    public int size() {
        return tokens.size();
    }
}
