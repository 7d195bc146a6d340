package dev.ipmi.gateway.auth;

import dev.ipmi.gateway.config.GatewayConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** API keys, users and tokens, as configured. */
public final class Authenticator {
    private record Key(byte[] sha256, Principal principal) {}

    private final List<Key> keys;
    private final Map<String, GatewayConfig.User> users;
    private final Map<String, PasswordHash> hashes;
    private final TokenStore tokens;
    private final LoginThrottle throttle;
    /** Per client address, more lenient: many people may share one address (a NAT, a proxy). */
    private final LoginThrottle addressThrottle;
    /** Verified against when the user does not exist, so that the response time does not tell. */
    private final PasswordHash dummy;

    public Authenticator(GatewayConfig config, Clock clock) {
        this.keys = config.apiKeys().stream()
                .map(k -> new Key(HexFormat.of().parseHex(k.sha256()),
                        new Principal(k.name(), "key", k.role(), NameGlob.of(k.bmcs()), k.commands())))
                .toList();
        this.users = config.users().stream().collect(Collectors.toMap(GatewayConfig.User::name, Function.identity()));
        this.hashes = config.users().stream()
                .collect(Collectors.toMap(GatewayConfig.User::name, u -> PasswordHash.parse(u.passwordHash())));
        int iterations = hashes.values().stream().mapToInt(PasswordHash::iterations).max().orElse(10_000);
        this.dummy = PasswordHash.parse(PasswordHash.create(new char[] {'x'}, iterations));
        this.tokens = new TokenStore(config.limits().tokenTtl(), clock, 10_000);
        this.throttle = new LoginThrottle(config.limits().loginFailures(), config.limits().loginLockout(), clock);
        this.addressThrottle = new LoginThrottle(config.limits().loginFailures() * 4, config.limits().loginLockout(), clock);
    }

    /**
     * The principal for a presented API key or token. Every configured key hash is compared (in
     * constant time each), so the time does not depend on which key matched.
     */
    public Optional<Principal> authenticate(String credential) {
        byte[] h = Secrets.sha256(credential);
        Principal found = null;
        for (Key k : keys) {
            if (Secrets.equal(k.sha256, h) && found == null) {
                found = k.principal;
            }
        }
        if (found != null) {
            return Optional.of(found);
        }
        return tokens.lookup(credential);
    }

    /** The outcome of a login attempt. */
    public sealed interface Login {
        record Ok(TokenStore.Issued token, Principal principal) implements Login {}

        record Denied() implements Login {}

        record Throttled(Duration retryAfter) implements Login {}
    }

    public Login login(String username, char[] password, String clientAddress) {
        String userKey = "user:" + username;
        String addrKey = "addr:" + clientAddress;
        Duration byUser = throttle.retryAfter(userKey);
        Duration byAddress = addressThrottle.retryAfter(addrKey);
        Duration wait = byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
        if (!wait.isZero()) {
            return new Login.Throttled(wait);
        }
        GatewayConfig.User user = users.get(username);
        PasswordHash hash = user == null ? dummy : hashes.get(username);
        boolean ok = hash.matches(password) && user != null;
        if (!ok) {
            throttle.failure(userKey);
            addressThrottle.failure(addrKey);
            return new Login.Denied();
        }
        throttle.success(userKey);
        Principal p = new Principal(user.name(), "user", user.role(), NameGlob.of(user.bmcs()), user.commands());
        return new Login.Ok(tokens.issue(p), p);
    }

    public int activeTokens() {
        return tokens.size();
    }
}
