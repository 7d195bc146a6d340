package dev.ipmi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.gateway.bmc.FleetBmcAccess;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import dev.ipmi.gateway.http.GatewayServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls.keystore}: the gateway serves HTTPS only, with a key store made by the JDK's keytool. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayTlsIT {
    @TempDir
    Path dir;

    @Test
    void servesHttpsWithTheConfiguredKeyStore() throws Exception {
        Path ks = dir.resolve("gw.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "gw", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "ks-secret", "-keypass", "ks-secret")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        GatewayConfig config = new ConfigLoader(Map.of("KS_PW", "ks-secret")::get, dir)
                .parse("listen: 127.0.0.1:0\ntls: {keystore: gw.p12, password_env: KS_PW}\n");
        assertThat(config.tls().orElseThrow().toString()).doesNotContain("ks-secret");
        try (GatewayServer gw = GatewayServer.start(config, new FleetBmcAccess(config), List.of())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                trust.load(in, "ks-secret".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gw.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"ok\"");
            // plain HTTP on the same port is not served (the TLS record that comes back is not HTTP)
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        }
    }
}
