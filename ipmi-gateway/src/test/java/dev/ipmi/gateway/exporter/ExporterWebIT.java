package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.gateway.config.ConfigException;
import dev.ipmi.testing.Closeables;
import dev.ipmi.testing.IpmiSim;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ipmi_exporter's {@code --web.config.file} (TLS from PEM files made by openssl, basic
 * authentication with a bcrypt hash) and {@code POST /-/reload}, on the standalone exporter.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExporterWebIT {
    /**
     * bcrypt of "prometheus-pw", made by glibc's libxcrypt (Python's {@code crypt.crypt} with salt
     * {@code $2y$10$Q0auhQNbBCuQDKes6eFzPe}), not by the library under test.
     */
    static final String HASH = "$2y$10$Q0auhQNbBCuQDKes6eFzPefqe2L30QP2YVufGjDHlNod.PV0dc9DO";

    @TempDir
    static Path dir;
    private static ExporterServer server;
    private static HttpClient https;
    private static String base;
    private static Path remote;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("openssl", "openssl");
        IpmiSim.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                "-out", "cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
                dir);
        Files.writeString(dir.resolve("web.yml"), """
                tls_server_config:
                  cert_file: cert.pem
                  key_file: key.pem
                basic_auth_users:
                  prometheus: %s
                """.formatted(HASH));
        remote = dir.resolve("ipmi_remote.yml");
        Files.writeString(remote, "modules:\n  default: {user: admin, pass: x}\n");
        int port = Peers.freePort();
        server = ExporterServer.start(ExporterConfig.load(remote), Optional.of(remote),
                WebConfig.load(dir.resolve("web.yml")), "127.0.0.1", port);
        base = "https://127.0.0.1:" + port;
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("exporter", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("cert.pem")))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(server);
    }

    private static HttpResponse<String> send(String method, String path, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (password != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("prometheus:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tlsWithBasicAuthentication() throws Exception {
        assertThat(send("GET", "/metrics", "prometheus-pw").statusCode()).isEqualTo(200);
        HttpResponse<String> none = send("GET", "/metrics", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic");
        assertThat(send("GET", "/ipmi?target=127.0.0.1:1", "wrong").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/-/reload", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void reloadReadsTheFileAgainAndKeepsTheOldConfigWhenTheNewOneIsBroken() throws Exception {
        assertThat(send("GET", "/-/reload", "prometheus-pw").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/ipmi?target=127.0.0.1:1&module=added", "prometheus-pw").statusCode())
                .isEqualTo(400);
        Files.writeString(remote, "modules:\n  default: {user: admin, pass: x}\n  added: {user: admin, pass: y}\n");
        assertThat(send("POST", "/-/reload", "prometheus-pw").statusCode()).isEqualTo(200);
        assertThat(server.exporter().config().has("added")).isTrue();

        Files.writeString(remote, "modules:\n  default: {usr: admin}\n");
        HttpResponse<String> broken = send("POST", "/-/reload", "prometheus-pw");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("failed to reload config").contains("usr");
        assertThat(server.exporter().config().has("added")).as("the last good config stays").isTrue();
    }

    @Test
    void webConfigErrorsNameTheKey() {
        assertThatThrownBy(() -> WebConfig.parse("basic_auth_users:\n  u: plain-text\n", dir))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic_auth_users.u")
                .hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> WebConfig.parse("tls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\n"
                + "  client_auth_type: RequireAndVerifyClientCert\n", dir))
                .hasMessageContaining("client certificates are not implemented");
        assertThatThrownBy(() -> WebConfig.parse("tls_server_config:\n  cert_file: cert.pem\n  key_file: cert.pem\n", dir))
                .hasMessageContaining("not a PKCS#8 PEM key");
        assertThatThrownBy(() -> WebConfig.parse("tls_server_config:\n  cert_file: cert.pem\n", dir))
                .hasMessageContaining("needs key_file");
        assertThatThrownBy(() -> WebConfig.parse("tls_config: {}\n", dir)).hasMessageContaining("unknown key");
    }
}
