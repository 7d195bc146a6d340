package dev.ipmi.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthTest {
    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void passwordHashRoundTripsAndRejectsWrongPasswords() {
        String stored = PasswordHash.create("correct horse".toCharArray(), 10_000);
        assertThat(stored).startsWith("pbkdf2-sha256$10000$");
        PasswordHash h = PasswordHash.parse(stored);
        assertThat(h.matches("correct horse".toCharArray())).isTrue();
        assertThat(h.matches("correct horsf".toCharArray())).isFalse();
        assertThat(h.toString()).doesNotContain(stored.substring(stored.lastIndexOf('$') + 1));
        assertThat(PasswordHash.create("x".toCharArray(), 10_000)).isNotEqualTo(PasswordHash.create("x".toCharArray(), 10_000));
    }

    @Test
    void passwordHashAcceptsTheRfc7914Vector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256, P="Password", S="NaCl", c=80000; first 32 bytes of the 64-byte output
        byte[] dk = java.util.HexFormat.of().parseHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
        String stored = "pbkdf2-sha256$80000$" + java.util.Base64.getEncoder().encodeToString("NaCl".getBytes())
                + "$" + java.util.Base64.getEncoder().encodeToString(dk);
        assertThat(PasswordHash.parse(stored).matches("Password".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(stored).matches("password".toCharArray())).isFalse();
    }

    @Test
    void malformedHashesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> PasswordHash.parse("md5$abc")).hasMessageContaining("pbkdf2-sha256$");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$10$c2FsdHNhbHQ=$" + "A".repeat(44)))
                .hasMessageContaining("iteration count");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$10000$!!$!!")).hasMessageContaining("base64");
    }

    @Test
    void globs() {
        NameGlob g = NameGlob.of(List.of("node*", "db0?"));
        assertThat(g.matches("node01")).isTrue();
        assertThat(g.matches("db01")).isTrue();
        assertThat(g.matches("db011")).isFalse();
        assertThat(g.matches("xnode")).isFalse();
        assertThat(NameGlob.of(List.of("a.b")).matches("axb")).as("dots are literal").isFalse();
        assertThat(NameGlob.of(List.of()).matches("anything")).isTrue();
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertThat(Role.ADMIN.allows(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.allows(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.allows(Role.OPERATOR)).isFalse();
        assertThat(Role.parse("Admin")).isEmpty();
    }

    @Test
    void tokensExpire() {
        MutableClock clock = new MutableClock();
        TokenStore store = new TokenStore(Duration.ofMinutes(5), clock, 3);
        Principal p = new Principal("alice", "user", Role.VIEWER, NameGlob.of(List.of()));
        TokenStore.Issued t = store.issue(p);
        assertThat(t.toString()).doesNotContain(t.token());
        assertThat(store.lookup(t.token())).contains(p);
        assertThat(store.lookup(t.token() + "x")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(store.lookup(t.token())).isEmpty();
    }

    @Test
    void tokenStoreIsBounded() {
        MutableClock clock = new MutableClock();
        TokenStore store = new TokenStore(Duration.ofMinutes(5), clock, 3);
        Principal p = new Principal("alice", "user", Role.VIEWER, NameGlob.of(List.of()));
        TokenStore.Issued first = store.issue(p);
        for (int i = 0; i < 10; i++) {
            clock.now = clock.now.plusSeconds(1);
            store.issue(p);
        }
        assertThat(store.size()).isLessThanOrEqualTo(3);
        assertThat(store.lookup(first.token())).as("the oldest token went first").isEmpty();
    }

    @Test
    void throttleLocksOutAndRecovers() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = new LoginThrottle(3, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(t.retryAfter("u")).isZero();
            t.failure("u");
        }
        assertThat(t.retryAfter("u")).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.retryAfter("other")).isZero();
        clock.now = clock.now.plusSeconds(59);
        assertThat(t.retryAfter("u")).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(t.retryAfter("u")).isZero();
    }

    @Test
    void authenticatorKeysUsersAndThrottling() {
        MutableClock clock = new MutableClock();
        String hash = PasswordHash.create("pw".toCharArray(), 10_000);
        GatewayConfig c = new ConfigLoader(Map.<String, String>of()::get, Path.of(".")).parse(
                "api_keys:\n  - {name: ha, sha256: " + Secrets.sha256Hex("key-1234567890abcdef") + ", role: operator, bmcs: [\"n*\"]}\n"
                        + "limits: {login_failures: 2}\n"
                        + "users:\n  - {name: alice, role: viewer, password_hash: \"" + hash + "\"}\n");
        Authenticator a = new Authenticator(c, clock);
        Principal key = a.authenticate("key-1234567890abcdef").orElseThrow();
        assertThat(key.label()).isEqualTo("key:ha");
        assertThat(key.sees("n1")).isTrue();
        assertThat(key.sees("db1")).isFalse();
        assertThat(a.authenticate("key-1234567890abcdeX")).isEmpty();
        Authenticator.Login ok = a.login("alice", "pw".toCharArray(), "10.0.0.1");
        assertThat(ok).isInstanceOf(Authenticator.Login.Ok.class);
        String token = ((Authenticator.Login.Ok) ok).token().token();
        assertThat(a.authenticate(token).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(a.login("alice", "bad".toCharArray(), "10.0.0.1")).isInstanceOf(Authenticator.Login.Denied.class);
        assertThat(a.login("alice", "bad".toCharArray(), "10.0.0.1")).isInstanceOf(Authenticator.Login.Denied.class);
        assertThat(a.login("alice", "pw".toCharArray(), "10.0.0.2"))
                .as("locked out even with the right password").isInstanceOf(Authenticator.Login.Throttled.class);
        assertThat(a.login("nobody", "pw".toCharArray(), "10.0.0.3")).isInstanceOf(Authenticator.Login.Denied.class);
    }

    @Test
    void keysAndUsersCarryTheirAllowList() {
        String hash = PasswordHash.create("pw".toCharArray(), 10_000);
        GatewayConfig c = new ConfigLoader(Map.<String, String>of()::get, Path.of(".")).parse(
                "api_keys:\n"
                + "  - {name: ha, sha256: " + Secrets.sha256Hex("ha-key") + ", role: operator, commands: [power.status, power.on]}\n"
                + "  - {name: ops, sha256: " + Secrets.sha256Hex("ops-key") + ", role: operator}\n"
                + "users:\n"
                + "  - {name: carol, role: viewer, commands: [power.status], password_hash: \"" + hash + "\"}\n");
        Authenticator auth = new Authenticator(c, new MutableClock());
        Principal ha = auth.authenticate("ha-key").orElseThrow();
        assertThat(ha.listed(Command.POWER_ON)).isTrue();
        assertThat(ha.listed(Command.POWER_OFF)).isFalse();
        assertThat(ha.listed(Command.BMC_LIST)).isFalse();
        Principal ops = auth.authenticate("ops-key").orElseThrow();
        assertThat(ops.commands()).isEqualTo(Command.all());
        Authenticator.Login login = auth.login("carol", "pw".toCharArray(), "127.0.0.1");
        assertThat(login).isInstanceOf(Authenticator.Login.Ok.class);
        Principal carol = auth.authenticate(((Authenticator.Login.Ok) login).token().token()).orElseThrow();
        assertThat(carol.commands()).containsExactly(Command.POWER_STATUS);
        // the 4-argument principal (no allow-list) may run every command
        assertThat(new Principal("v", "key", Role.VIEWER, NameGlob.of(List.of())).commands()).isEqualTo(Command.all());
    }
}
