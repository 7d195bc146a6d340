package dev.ipmi.gateway;

import dev.ipmi.gateway.auth.PasswordHash;
import dev.ipmi.gateway.auth.Secrets;
import dev.ipmi.gateway.bmc.FleetBmcAccess;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import dev.ipmi.gateway.http.GatewayServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A gateway started in-process on a free port with the test keys and users below. */
final class GatewayFixture implements AutoCloseable {
    static final String VIEWER_KEY = "viewer-key-0123456789abcdef";
    static final String OPERATOR_KEY = "operator-key-0123456789abcdef";
    static final String ADMIN_KEY = "admin-key-0123456789abcdef";
    /** Operator, but only for BMCs matching {@code node*}. */
    static final String NODE_KEY = "node-operator-key-0123456789";
    static final String ALICE_PASSWORD = "alice-pw-1";
    static final String VICTOR_PASSWORD = "victor-pw-1";

    private final GatewayServer server;
    private final Http http;

    private GatewayFixture(GatewayServer server) {
        this.server = server;
        this.http = new Http(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }

    /** {@code bmcsYaml}: the {@code bmcs:} list entries, indented by two spaces; passwords from env BMC_PASSWORD. */
    static GatewayFixture start(String bmcsYaml, String extraYaml, Map<String, String> env) {
        return start(bmcsYaml, extraYaml, "", "", env);
    }

    /** As above, with more {@code api_keys:} and {@code users:} entries (indented by two spaces) after the test ones. */
    static GatewayFixture start(String bmcsYaml, String extraYaml, String moreKeysYaml, String moreUsersYaml,
                                Map<String, String> env) {
        String yaml = "listen: 127.0.0.1:0\n"
                + extraYaml
                + "bmcs:\n" + bmcsYaml
                + "api_keys:\n"
                + "  - {name: viewer, sha256: " + Secrets.sha256Hex(VIEWER_KEY) + ", role: viewer}\n"
                + "  - {name: ops, sha256: " + Secrets.sha256Hex(OPERATOR_KEY) + ", role: operator}\n"
                + "  - {name: root, sha256: " + Secrets.sha256Hex(ADMIN_KEY) + ", role: admin}\n"
                + "  - {name: nodes-only, sha256: " + Secrets.sha256Hex(NODE_KEY) + ", role: operator, bmcs: [\"node*\"]}\n"
                + moreKeysYaml
                + "users:\n"
                + "  - {name: alice, role: operator, password_hash: \"" + PasswordHash.create(ALICE_PASSWORD.toCharArray(), 10_000) + "\"}\n"
                + "  - {name: victor, role: viewer, password_hash: \"" + PasswordHash.create(VICTOR_PASSWORD.toCharArray(), 10_000) + "\"}\n"
                + moreUsersYaml;
        GatewayConfig config = new ConfigLoader(env::get, Path.of(".")).parse(yaml);
        return new GatewayFixture(GatewayServer.start(config, new FleetBmcAccess(config), List.of()));
    }

    Http http() {
        return http;
    }

    int port() {
        return server.port();
    }

    GatewayServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
