package dev.ipmi.gateway.exporter;

import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.YamlNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * ipmi_exporter's {@code --web.config.file} (the Prometheus exporter-toolkit format): TLS from a
 * PEM certificate and key ({@code tls_server_config: {cert_file, key_file, min_version}}) and basic
 * authentication with bcrypt hashes ({@code basic_auth_users: {name: $2y$…}}). Keys of that format
 * this exporter does not implement (client certificates, cipher suite lists, HTTP headers) stop
 * start-up naming the key, so a file never silently means less than it says.
 */
record WebConfig(Optional<Tls> tls, Map<String, String> basicAuthUsers) {
    private static final Set<String> TOP = Set.of("tls_server_config", "basic_auth_users", "http_server_config");
    private static final Set<String> TLS_KEYS = Set.of("cert_file", "key_file", "min_version", "client_auth_type");

    /** Successful checks, so a bcrypt hash (tens of ms each) is computed once per user and password, not per scrape. */
    private static final int MAX_CACHED = 1024;

    record Tls(KeyStore keyStore, char[] keyStorePassword, String minVersion) {
        @Override
        public String toString() {
            return "Tls[minVersion=" + minVersion + "]";
        }
    }

    static WebConfig load(Path file) {
        String text = ConfigLoader.read(file);
        return parse(text, file.toAbsolutePath().getParent());
    }

    static WebConfig parse(String yaml, Path dir) {
        YamlNode root = YamlNode.parse(yaml);
        if (root.value() == null) {
            return new WebConfig(Optional.empty(), Map.of());
        }
        Map<String, YamlNode> top = root.map();
        for (Map.Entry<String, YamlNode> e : top.entrySet()) {
            if (!TOP.contains(e.getKey())) {
                throw e.getValue().error("unknown key (known: tls_server_config, basic_auth_users)");
            }
        }
        if (top.containsKey("http_server_config") && top.get("http_server_config").value() != null) {
            throw top.get("http_server_config").error("not implemented here (HTTP/2 and response headers)");
        }
        Optional<Tls> tls = Optional.empty();
        YamlNode t = top.get("tls_server_config");
        if (t != null && t.value() != null) {
            tls = Optional.of(tls(t, dir));
        }
        Map<String, String> users = new LinkedHashMap<>();
        YamlNode u = top.get("basic_auth_users");
        if (u != null && u.value() != null) {
            for (Map.Entry<String, YamlNode> e : u.map().entrySet()) {
                String hash = e.getValue().text();
                if (!hash.matches("\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}")) {
                    throw e.getValue().error("expected a bcrypt hash ($2y$10$…, e.g. from htpasswd -nBC 10)");
                }
                users.put(e.getKey(), hash);
            }
        }
        return new WebConfig(tls, Map.copyOf(users));
    }

    private static Tls tls(YamlNode node, Path dir) {
        Map<String, YamlNode> m = node.map();
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (!TLS_KEYS.contains(e.getKey())) {
                throw e.getValue().error("not implemented here (supported: cert_file, key_file, min_version, "
                        + "client_auth_type NoClientCert)");
            }
        }
        if (m.containsKey("client_auth_type") && !m.get("client_auth_type").text().equals("NoClientCert")) {
            throw m.get("client_auth_type").error("client certificates are not implemented here (only NoClientCert)");
        }
        YamlNode certNode = require(m, node, "cert_file");
        YamlNode keyNode = require(m, node, "key_file");
        String minVersion = "TLSv1.2";
        if (m.containsKey("min_version")) {
            YamlNode v = m.get("min_version");
            minVersion = switch (v.text()) {
                case "TLS12" -> "TLSv1.2";
                case "TLS13" -> "TLSv1.3";
                default -> throw v.error("expected TLS12 or TLS13 (older versions are not offered)");
            };
        }
        Path cert = dir.resolve(certNode.text());
        Path key = dir.resolve(keyNode.text());
        try {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(cert)));
            if (chain.isEmpty()) {
                throw certNode.error("no certificate in " + cert);
            }
            PrivateKey privateKey = privateKey(Files.readString(key, StandardCharsets.US_ASCII), keyNode, key);
            // the key store lives in memory only; its password just has to be one nobody else knows
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            char[] password = HexFormat.of().formatHex(random).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("exporter", privateKey, password, chain.toArray(Certificate[]::new));
            return new Tls(ks, password, minVersion);
        } catch (IOException e) {
            throw node.error("cannot read the certificate or key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw node.error("unusable certificate or key: " + e.getMessage());
        }
    }

    private static YamlNode require(Map<String, YamlNode> m, YamlNode parent, String key) {
        YamlNode n = m.get(key);
        if (n == null) {
            throw parent.error("needs " + key);
        }
        return n;
    }

    /** A PKCS#8 PEM key ("BEGIN PRIVATE KEY"), RSA or EC; other PEM forms are refused with the conversion. */
    private static PrivateKey privateKey(String pem, YamlNode node, Path file) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw node.error(file + " is not a PKCS#8 PEM key (\"BEGIN PRIVATE KEY\"); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw node.error(file + ": neither an RSA, an EC nor an Ed25519 key");
    }

    /** Checks an {@code Authorization: Basic …} header against the configured users. */
    static final class BasicAuth {
        private final Map<String, String> users;
        private final Set<String> verified = ConcurrentHashMap.newKeySet();

        BasicAuth(Map<String, String> users) {
            this.users = users;
        }

        boolean allows(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return false;
            }
            String user = decoded.substring(0, colon);
            String hash = users.get(user);
            if (hash == null) {
                return false;
            }
            String key = digest(hash + "\u0000" + decoded);
            if (verified.contains(key)) {
                return true;
            }
            char[] password = decoded.substring(colon + 1).toCharArray();
            boolean ok;
            try {
                ok = OpenBSDBCrypt.checkPassword(hash, password);
            } catch (IllegalArgumentException e) {
                ok = false;
            } finally {
                Arrays.fill(password, '\0');
            }
            if (ok) {
                if (verified.size() >= MAX_CACHED) {
                    verified.clear();
                }
                verified.add(key);
            }
            return ok;
        }

        private static String digest(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
