package dev.ipmi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.PasswordHash;
import dev.ipmi.gateway.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String SHA = "a".repeat(64);
    private static final Map<String, String> ENV = Map.of("NODE01_PASSWORD", "s3cret", "KS_PW", "kspw");

    @TempDir
    Path dir;

    private GatewayConfig parse(String yaml) {
        return new ConfigLoader(ENV::get, dir).parse(yaml);
    }

    private void fails(String yaml, String key, int line, String text) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).contains("line " + line).contains(key).contains(text);
        });
    }

    @Test
    void fullExampleParses() throws Exception {
        Files.writeString(dir.resolve("node02.pw"), "from-file\n");
        String hash = PasswordHash.create("pw".toCharArray(), 10_000);
        GatewayConfig c = parse(String.join("\n",
                "listen: 0.0.0.0:9000",
                "cors: {origins: [\"https://ops.example.com\"]}",
                "limits: {max_body_bytes: 2048, token_ttl_seconds: 60}",
                "bmcs:",
                "  - name: node01",
                "    host: 10.0.0.5",
                "    username: admin",
                "    password_env: NODE01_PASSWORD",
                "    cipher_suite: auto",
                "    labels: {rack: r1, role: compute}",
                "  - {name: node02, host: 10.0.0.6, port: 6230, password_file: node02.pw, cipher_suite: 3}",
                "api_keys:",
                "  - {name: ha, sha256: " + SHA + ", role: operator, bmcs: [\"node*\"]}",
                "users:",
                "  - {name: alice, password_hash: \"" + hash + "\", role: admin}",
                ""));
        assertThat(c.listenHost()).isEqualTo("0.0.0.0");
        assertThat(c.listenPort()).isEqualTo(9000);
        assertThat(c.corsOrigins()).containsExactly("https://ops.example.com");
        assertThat(c.limits().maxBodyBytes()).isEqualTo(2048);
        assertThat(c.limits().tokenTtl().toSeconds()).isEqualTo(60);
        assertThat(c.limits().loginFailures()).isEqualTo(GatewayConfig.Limits.defaults().loginFailures());
        GatewayConfig.Bmc n1 = c.bmcs().get(0);
        assertThat(n1.port()).isEqualTo(623);
        assertThat(n1.cipherSuite()).isEqualTo(-1);
        assertThat(new String(n1.password())).isEqualTo("s3cret");
        assertThat(n1.labels()).containsEntry("rack", "r1");
        assertThat(n1.toString()).doesNotContain("s3cret");
        GatewayConfig.Bmc n2 = c.bmcs().get(1);
        assertThat(new String(n2.password())).as("trailing newline of a secret file dropped").isEqualTo("from-file");
        assertThat(n2.port()).isEqualTo(6230);
        assertThat(n2.cipherSuite()).isEqualTo(3);
        assertThat(c.apiKeys().get(0).role()).isEqualTo(Role.OPERATOR);
        assertThat(c.apiKeys().get(0).bmcs()).containsExactly("node*");
        assertThat(c.users().get(0).role()).isEqualTo(Role.ADMIN);
        assertThat(c.users().get(0).toString()).doesNotContain(hash);
    }

    @Test
    void scalarsAreReadAsWritten() {
        String digits = "0123456789".repeat(6) + "0123";
        GatewayConfig c = parse("api_keys:\n  - {name: k, sha256: " + digits + ", role: viewer}\n"
                + "bmcs:\n  - {name: 007, host: 10.0.0.1, username: 0042, password_env: NODE01_PASSWORD}\n");
        assertThat(c.apiKeys().get(0).sha256()).isEqualTo(digits);
        assertThat(c.bmcs().get(0).name()).isEqualTo("007");
        assertThat(c.bmcs().get(0).username()).isEqualTo("0042");
        String big = "1234567890".repeat(6) + "1234";
        assertThat(parse("api_keys:\n  - {name: k, sha256: " + big + ", role: viewer}\n").apiKeys().get(0).sha256())
                .isEqualTo(big);
    }

    @Test
    void defaultsWhenAlmostEmpty() {
        GatewayConfig c = parse("bmcs: []\n");
        assertThat(c.listenHost()).isEqualTo("127.0.0.1");
        assertThat(c.listenPort()).isEqualTo(8623);
        assertThat(c.corsOrigins()).isEmpty();
        assertThat(c.tls()).isEmpty();
    }

    @Test
    void unknownKeyNamesKeyAndLine() {
        fails("listen: 127.0.0.1:1\nlisten_port: 3\n", "listen_port", 2, "unknown key");
        fails("bmcs:\n  - name: a\n    host: h\n    password_env: NODE01_PASSWORD\n    pasword_file: x\n",
                "bmcs[0].pasword_file", 5, "unknown key");
    }

    @Test
    void duplicateKeyNamesKeyAndLine() {
        fails("listen: 127.0.0.1:1\nbmcs: []\nlisten: 127.0.0.1:2\n", "listen", 3, "duplicate key (first on line 1)");
    }

    @Test
    void duplicateNamesAreRefused() {
        fails("bmcs:\n  - {name: a, host: h, password_env: NODE01_PASSWORD}\n  - {name: a, host: h2, password_env: NODE01_PASSWORD}\n",
                "bmcs[1].name", 3, "duplicate BMC name 'a'");
        fails("api_keys:\n  - {name: k, sha256: " + SHA + ", role: viewer}\n  - {name: k, sha256: " + "b".repeat(64) + ", role: viewer}\n",
                "api_keys[1].name", 3, "duplicate API key name");
        fails("api_keys:\n  - {name: k, sha256: " + SHA + ", role: viewer}\n  - {name: j, sha256: " + SHA.toUpperCase() + ", role: viewer}\n",
                "api_keys[1].sha256", 3, "configured twice");
    }

    @Test
    void missingSecretsStopStartUp() {
        fails("bmcs:\n  - name: a\n    host: h\n    password_env: NOPE\n", "bmcs[0].password_env", 4, "NOPE is not set");
        fails("bmcs:\n  - name: a\n    host: h\n    password_file: missing.pw\n", "bmcs[0].password_file", 4, "cannot read secret file");
        fails("bmcs:\n  - name: a\n    host: h\n", "bmcs[0]", 2, "needs password_env or password_file");
        fails("bmcs:\n  - {name: a, host: h, password_env: NODE01_PASSWORD, password_file: x}\n", "bmcs[0].password_file", 2, "not both");
        fails("tls: {keystore: nope.p12, password_env: KS_PW}\n", "tls.keystore", 1, "does not exist");
    }

    @Test
    void badValuesNameTheKey() {
        fails("listen: localhost\n", "listen", 1, "host:port");
        fails("listen: 127.0.0.1:99999\n", "listen", 1, "0..65535");
        fails("bmcs:\n  - {name: a, host: h, port: 70000, password_env: NODE01_PASSWORD}\n", "bmcs[0].port", 2, "1..65535");
        fails("bmcs:\n  - {name: a, host: h, cipher_suite: fast, password_env: NODE01_PASSWORD}\n", "bmcs[0].cipher_suite", 2, "whole number");
        fails("bmcs:\n  - {name: 'a b', host: h, password_env: NODE01_PASSWORD}\n", "bmcs[0].name", 2, "a name is");
        fails("bmcs:\n  - {name: a, password_env: NODE01_PASSWORD}\n", "bmcs[0].host", 2, "required key is missing");
        fails("api_keys:\n  - {name: k, sha256: abc, role: viewer}\n", "api_keys[0].sha256", 2, "64 hex digits");
        fails("api_keys:\n  - {name: k, sha256: " + SHA + ", role: superuser}\n", "api_keys[0].role", 2, "viewer, operator or admin");
        fails("api_keys:\n  - {name: k, sha256: " + SHA + ", role: viewer, bmcs: []}\n", "api_keys[0].bmcs", 2, "empty list");
        fails("users:\n  - {name: u, password_hash: plain, role: viewer}\n", "users[0].password_hash", 2, "pbkdf2-sha256$");
        fails("limits: {max_body_bytes: 1}\n", "limits.max_body_bytes", 1, "256..");
        fails("cors: {origins: [\"*\"]}\n", "cors.origins[0]", 1, "scheme://host");
        fails("bmcs: {name: a}\n", "bmcs", 1, "expected a list");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> parse("bmcs:\n  - name: a\n   host: [\n")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.getMessage()).contains("not valid YAML"));
    }

    @Test
    void secretsNeverInErrors() {
        assertThatThrownBy(() -> parse("bmcs:\n  - {name: a, host: h, port: x, password_env: NODE01_PASSWORD}\n"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void commandAllowListParsesAndDefaultsToEverything() {
        String hash = PasswordHash.create("pw".toCharArray(), 10_000);
        GatewayConfig c = parse(String.join("\n",
                "api_keys:",
                "  - name: ha",
                "    sha256: " + SHA,
                "    role: operator",
                "    commands: [power.status, power.on, power.soft]",
                "  - {name: all, sha256: " + "b".repeat(64) + ", role: viewer}",
                "users:",
                "  - {name: bob, password_hash: \"" + hash + "\", role: admin, commands: [sel.clear]}",
                ""));
        assertThat(c.apiKeys().get(0).commands())
                .containsExactlyInAnyOrder(Command.POWER_STATUS, Command.POWER_ON, Command.POWER_SOFT);
        assertThat(c.apiKeys().get(1).commands()).isEqualTo(Command.all());
        assertThat(c.users().get(0).commands()).containsExactly(Command.SEL_CLEAR);
    }

    @Test
    void badAllowListsNameTheKeyAndLine() {
        String key = "api_keys:\n  - name: ha\n    sha256: " + SHA + "\n    role: operator\n    commands:\n";
        fails(key + "      - power.status\n      - power.explode\n", "api_keys[0].commands[1]", 7, "unknown command 'power.explode'");
        fails(key + "      - power.status\n      - sel.clear\n", "api_keys[0].commands[1]", 7, "needs the admin role; this key is operator");
        fails(key + "      - power.on\n      - power.on\n", "api_keys[0].commands[1]", 7, "listed twice");
        fails("api_keys:\n  - {name: k, sha256: " + SHA + ", role: viewer, commands: []}\n", "api_keys[0].commands", 2, "empty list");
        fails("users:\n  - {name: u, role: viewer, commands: [power.on], password_hash: \""
                + PasswordHash.create("pw".toCharArray(), 10_000) + "\"}\n", "users[0].commands[0]", 2, "this user is viewer");
    }

    @Test
    void sidecarBmcIsTheOnlyOneOrTheNamedOne() {
        String one = "bmcs:\n  - {name: node01, host: h, password_env: NODE01_PASSWORD}\n";
        assertThat(parse(one).sidecar()).contains("node01");
        String two = one + "  - {name: node02, host: h2, password_env: NODE01_PASSWORD}\n";
        assertThat(parse(two).sidecar()).isEmpty();
        assertThat(parse(two + "sidecar: {bmc: node02}\n").sidecar()).contains("node02");
        assertThat(parse("listen: 127.0.0.1:1\n").sidecar()).isEmpty();
    }

    @Test
    void badSidecarNamesTheKeyAndLine() {
        String two = "bmcs:\n  - {name: node01, host: h, password_env: NODE01_PASSWORD}\n"
                + "  - {name: node02, host: h2, password_env: NODE01_PASSWORD}\n";
        fails(two + "sidecar:\n  bmc: node03\n", "sidecar.bmc", 5, "no BMC named 'node03'");
        fails(two + "sidecar:\n  bmcs: node01\n", "sidecar.bmcs", 5, "unknown key");
        fails(two + "sidecar: {}\n", "sidecar.bmc", 4, "required key is missing");
    }
}
