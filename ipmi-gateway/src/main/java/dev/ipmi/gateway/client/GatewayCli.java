package dev.ipmi.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ipmi.gateway.bmc.HostRange;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code ipmi-gateway.jar client ...}: the management console's command line, for machines that have
 * no ipmitool. It speaks only the gateway's REST API (the JDK's HttpClient): {@code login} stores a
 * token in a file only its owner can read, {@code power -h 'osl0[1-6]' status} goes through the bulk
 * endpoint and prints one {@code HOST: state} line per BMC, as FreeIPMI's ipmi-power does.
 * Exit codes: 0 every host ok, 1 a host or the request failed (the failed hosts are named on
 * stderr), 2 bad arguments.
 */
public final class GatewayCli {
    static final String USAGE = String.join("\n",
            "usage: java -jar ipmi-gateway.jar client [--url URL] [--cacert PEM] [--token-file FILE] COMMAND",
            "  login [--user NAME]                  ask the password (or read one line of stdin), store a token",
            "  logout                               forget the stored token",
            "  list                                 the BMCs this credential sees",
            "  power -h HOSTS status|on|off|cycle|reset|soft|diag [--wait]",
            "  sensors -h HOSTS                     every sensor reading",
            "  sel -h HOSTS                         the event log",
            "  console -h HOST [--takeover]         the serial console, line by line: stdin lines go to the host",
            "                                       (each ended by CR), its output to stdout; a line '~.' ends, '~B' sends a break",
            "HOSTS is a host range: node01, 'osl0[1-6]', 'rack[1-2]-n[1-4],db1'.",
            "env: IPMI_GATEWAY_URL (default http://127.0.0.1:8623), IPMI_GATEWAY_TOKEN (a token or an API key;",
            "     used instead of the token file), IPMI_GATEWAY_TOKEN_FILE (default ~/.config/ipmi-gateway/token),",
            "     IPMI_GATEWAY_CACERT (PEM certificate(s) to trust for https, e.g. a self-signed gateway's).");
    private static final Set<String> POWER = Set.of("status", "on", "off", "cycle", "reset", "soft", "diag");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 16;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Function<String, String> env;
    private final Console console;

    private GatewayCli(PrintStream out, PrintStream err, InputStream in, Function<String, String> env, Console console) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.console = console;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.in, System::getenv, System.console());
    }

    /**
     * As {@link #run(List, PrintStream, PrintStream)} with the standard input and environment given
     * and no terminal (a login password is one line of {@code in}); for embedding and tests.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, InputStream in, Function<String, String> env) {
        return run(args, out, err, in, env, null);
    }

    private static int run(List<String> args, PrintStream out, PrintStream err, InputStream in, Function<String, String> env,
                           Console console) {
        GatewayCli cli = new GatewayCli(out, err, in, env, console);
        try {
            return cli.dispatch(new ArrayList<>(args));
        } catch (UsageException e) {
            err.println("ipmi-gateway client: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (CliException e) {
            err.println("ipmi-gateway client: " + e.getMessage());
            return 1;
        }
    }

    private int dispatch(List<String> a) {
        String url = option(a, "--url");
        String cacert = option(a, "--cacert");
        String tokenFile = option(a, "--token-file");
        if (a.isEmpty()) {
            throw new UsageException("no command");
        }
        if (a.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Path file = tokenFile != null ? Path.of(tokenFile) : defaultTokenFile();
        String command = a.remove(0);
        if (!Set.of("login", "logout", "list", "power", "sensors", "sel", "console").contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        if (command.equals("logout")) {
            noneLeft(a);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new CliException("cannot delete " + file + ": " + e.getMessage());
            }
            return 0;
        }
        StoredToken stored = command.equals("login") ? null : StoredToken.read(file);
        URI base = baseUrl(url != null ? url : env.apply("IPMI_GATEWAY_URL") != null ? env.apply("IPMI_GATEWAY_URL")
                : stored != null ? stored.url() : "http://127.0.0.1:8623");
        HttpClient http = client(cacert != null ? cacert : env.apply("IPMI_GATEWAY_CACERT"));
        if (command.equals("login")) {
            return login(http, base, file, option(a, "--user"), a);
        }
        String credential = env.apply("IPMI_GATEWAY_TOKEN");
        if (credential == null || credential.isBlank()) {
            if (stored == null) {
                throw new CliException("not logged in: run `client login` or set IPMI_GATEWAY_TOKEN");
            }
            if (!baseUrl(stored.url()).equals(base)) {
                // a token goes only to the gateway that issued it
                throw new CliException("the stored token is for " + stored.url() + ", not " + base + ": run `client login` for it");
            }
            credential = stored.token();
        }
        Api api = new Api(http, base, credential.strip());
        return switch (command) {
            case "list" -> {
                noneLeft(a);
                yield list(api);
            }
            case "power" -> power(api, a);
            case "sensors" -> perHost(api, hosts(a), "sensors", this::printSensors);
            case "sel" -> perHost(api, hosts(a), "sel", this::printSel);
            case "console" -> console(api, a);
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    /**
     * The console WebSocket in line mode: the JDK cannot put a terminal in raw mode without running
     * stty, so keystrokes go out a line at a time. Ends at '~.', at the end of stdin, or when the
     * gateway closes the console (exit 0 for a normal close, 1 otherwise, with the reason).
     */
    private int console(Api api, List<String> a) {
        String host = hostsOption(a);
        boolean takeover = a.remove("--takeover");
        noneLeft(a);
        if (!host.matches("[A-Za-z0-9._-]{1,63}")) {
            throw new UsageException("console takes one BMC name, not '" + host + "'");
        }
        URI ws = URI.create((api.base().getScheme().equals("https") ? "wss" : "ws") + "://" + api.base().getRawAuthority()
                + api.base().getRawPath() + "api/v1/bmcs/" + URLEncoder.encode(host, StandardCharsets.UTF_8) + "/console"
                + (takeover ? "?takeover=true" : ""));
        CompletableFuture<String> closed = new CompletableFuture<>();
        java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket w, java.nio.ByteBuffer data, boolean last) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                out.write(b, 0, b.length);
                out.flush();
                w.request(1);
                return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode m = JSON.readTree(text.toString());
                        switch (m.path("type").asText()) {
                            case "hello" -> err.println("[console on " + host + " as " + m.path("role").asText() + "]");
                            case "role" -> err.println("[now " + m.path("role").asText() + ": " + m.path("reason").asText() + "]");
                            case "error" -> err.println("[" + m.path("message").asText() + "]");
                            default -> { }
                        }
                    } catch (IOException notJson) {
                        err.println("[unexpected message from the gateway]");
                    }
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket w, int code, String reason) {
                closed.complete(code == java.net.http.WebSocket.NORMAL_CLOSURE ? "" : "closed by the gateway: " + code + " " + reason);
                return null;
            }

            @Override
            public void onError(java.net.http.WebSocket w, Throwable error) {
                closed.complete("console failed: " + error);
            }
        };
        java.net.http.WebSocket socket;
        try {
            socket = api.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + api.credential()).buildAsync(ws, listener).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                throw new CliException("the gateway refused the console: HTTP " + h.getResponse().statusCode()
                        + (h.getResponse().body() instanceof String b && !b.isEmpty() ? " " + b : ""));
            }
            throw new CliException("cannot reach " + api.base() + ": " + e.getCause());
        }
        Thread keys = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while (!closed.isDone() && (line = lines.readLine()) != null) {
                    if (line.equals("~.")) {
                        break;
                    }
                    if (line.equals("~B")) {
                        socket.sendText("{\"type\":\"break\"}", true).join();
                    } else {
                        socket.sendBinary(java.nio.ByteBuffer.wrap((line + "\r").getBytes(StandardCharsets.UTF_8)), true).join();
                    }
                }
                if (!socket.isOutputClosed()) {
                    socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").join();
                }
                closed.completeOnTimeout("", 10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException | java.util.concurrent.CompletionException e) {
                closed.complete("console input failed: " + e);
            }
        }, "gateway-client-console-input");
        keys.setDaemon(true);
        keys.start();
        String reason = closed.join();
        if (!reason.isEmpty()) {
            throw new CliException(reason);
        }
        return 0;
    }

    private int login(HttpClient http, URI base, Path file, String user, List<String> rest) {
        noneLeft(rest);
        char[] password;
        if (user == null) {
            if (console == null) {
                throw new UsageException("login needs --user NAME when there is no terminal");
            }
            user = console.readLine("user: ");
        }
        if (console != null) {
            password = console.readPassword("password for %s at %s: ", user, base.getAuthority());
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? null : line.toCharArray();
            } catch (IOException e) {
                throw new CliException("cannot read the password: " + e.getMessage());
            }
        }
        if (user == null || user.isBlank() || password == null || password.length == 0) {
            throw new CliException("login needs a user name and a password");
        }
        ObjectNode body = JSON.createObjectNode().put("username", user).put("password", new String(password));
        Arrays.fill(password, '\0');
        JsonNode r = new Api(http, base, null).send("POST", "/api/v1/login", body);
        StoredToken.write(file, new StoredToken(base.toString(), r.path("token").asText(), r.path("expires").asText()));
        out.println("logged in to " + base + " as " + user + " (" + r.path("role").asText() + ") until "
                + r.path("expires").asText() + "; token in " + file);
        return 0;
    }

    private int list(Api api) {
        for (JsonNode b : api.send("GET", "/api/v1/bmcs", null)) {
            out.println(b.path("name").asText() + ": " + b.path("host").asText() + ":" + b.path("port").asInt()
                    + (b.path("power").isNull() ? "" : " power " + b.path("power").asText()));
        }
        return 0;
    }

    private int power(Api api, List<String> a) {
        String selector = hostsOption(a);
        boolean wait = a.remove("--wait");
        if (a.size() != 1 || !POWER.contains(a.get(0))) {
            throw new UsageException("power needs one of " + String.join("|", new java.util.TreeSet<>(POWER)));
        }
        String action = a.get(0);
        ObjectNode body = JSON.createObjectNode().put("selector", selector).put("action", action).put("wait", wait);
        JsonNode r = api.send("POST", "/api/v1/power", body);
        List<String> failed = new ArrayList<>();
        for (JsonNode one : r.path("results")) {
            String host = one.path("bmc").asText();
            if (one.path("ok").asBoolean()) {
                out.println(host + ": " + (action.equals("status") ? one.path("power").asText() : "ok"));
            } else {
                failed.add(host);
                out.println(host + ": error: " + one.path("error").asText()
                        + (one.has("completion_code") ? " (completion code " + one.path("completion_code").asText() + ")" : ""));
            }
        }
        return failures(failed, r.path("results").size());
    }

    private interface Printer {
        void print(String host, JsonNode answer);
    }

    /**
     * One GET per host, {@value #IN_FLIGHT} at a time (a host range may name thousands, and each
     * request in flight is a connection), printed in the order of the host range.
     */
    private int perHost(Api api, List<String> hosts, String what, Printer printer) {
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < hosts.size(); from += IN_FLIGHT) {
            List<String> batch = hosts.subList(from, Math.min(hosts.size(), from + IN_FLIGHT));
            List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
            for (String h : batch) {
                answers.add(api.sendAsync("GET", "/api/v1/bmcs/" + URLEncoder.encode(h, StandardCharsets.UTF_8) + "/" + what));
            }
            for (int i = 0; i < batch.size(); i++) {
                try {
                    printer.print(batch.get(i), answers.get(i).join());
                } catch (java.util.concurrent.CompletionException e) {
                    failed.add(batch.get(i));
                    out.println(batch.get(i) + ": error: " + (e.getCause() instanceof CliException c ? c.getMessage() : e.getCause()));
                }
            }
        }
        return failures(failed, hosts.size());
    }

    private void printSensors(String host, JsonNode sensors) {
        for (JsonNode s : sensors) {
            String reading = switch (s.path("reading").asText()) {
                case "value" -> s.path("value").isNull() ? "na" : s.path("value").asText() + " " + s.path("units").asText();
                case "states" -> String.join(", ", JSON.convertValue(s.path("states"), String[].class));
                default -> s.path("reading").asText().replace('_', ' ');
            };
            out.println(host + ": " + s.path("name").asText() + " | " + reading + " | " + s.path("status").asText());
        }
    }

    private void printSel(String host, JsonNode sel) {
        for (JsonNode e : sel.path("entries")) {
            out.println(host + ": " + e.path("text").asText());
        }
    }

    private int failures(List<String> failed, int total) {
        if (failed.isEmpty()) {
            return 0;
        }
        err.println("ipmi-gateway client: " + failed.size() + " of " + total + " hosts failed: " + String.join(", ", failed));
        return 1;
    }

    private List<String> hosts(List<String> a) {
        String selector = hostsOption(a);
        noneLeft(a);
        try {
            return HostRange.expand(selector);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad host range '" + selector + "': " + e.getMessage());
        }
    }

    private static String hostsOption(List<String> a) {
        String h = option(a, "-h");
        if (h == null) {
            h = option(a, "--hosts");
        }
        if (h == null) {
            throw new UsageException("-h HOSTS is required");
        }
        return h;
    }

    /** Removes {@code name VALUE} from the arguments and returns VALUE, or null when absent. */
    private static String option(List<String> a, String name) {
        int i = a.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= a.size()) {
            throw new UsageException(name + " needs a value");
        }
        String v = a.get(i + 1);
        a.remove(i + 1);
        a.remove(i);
        return v;
    }

    private static void noneLeft(List<String> a) {
        if (!a.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.get(0) + "'");
        }
    }

    private Path defaultTokenFile() {
        String f = env.apply("IPMI_GATEWAY_TOKEN_FILE");
        if (f != null && !f.isBlank()) {
            return Path.of(f);
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("ipmi-gateway").resolve("token");
    }

    private static URI baseUrl(String url) {
        URI u;
        try {
            u = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --url '" + url + "': " + e.getMessage());
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            throw new UsageException("--url must be http://HOST:PORT or https://HOST:PORT, not '" + url + "'");
        }
        return u;
    }

    private static HttpClient client(String cacert) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cacert != null && !cacert.isBlank()) {
            try (InputStream pem = Files.newInputStream(Path.of(cacert))) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                if (i == 0) {
                    throw new CliException("--cacert " + cacert + ": no certificate in the file");
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                b.sslContext(ssl);
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new CliException("--cacert " + cacert + ": " + e.getMessage());
            }
        }
        return b.build();
    }

    /** The REST calls: JSON in and out; a non-2xx answer becomes a CliException with the problem's detail. */
    private record Api(HttpClient http, URI base, String credential) {
        JsonNode send(String method, String path, JsonNode body) {
            try {
                return sendAsync(method, path, body).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof CliException c ? c : new CliException(String.valueOf(e.getCause()));
            }
        }

        CompletableFuture<JsonNode> sendAsync(String method, String path) {
            return sendAsync(method, path, null);
        }

        CompletableFuture<JsonNode> sendAsync(String method, String path, JsonNode body) {
            URI uri = base.resolve(path.substring(1));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (credential != null) {
                b.header("Authorization", "Bearer " + credential);
            }
            return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                if (e != null) {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                    throw new CliException("cannot reach " + base + ": " + cause);
                }
                JsonNode j;
                try {
                    j = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
                } catch (IOException notJson) {
                    throw new CliException(method + " " + uri.getPath() + ": HTTP " + r.statusCode() + ", not JSON");
                }
                if (r.statusCode() / 100 != 2) {
                    String detail = j.path("detail").asText("HTTP " + r.statusCode());
                    throw new CliException(detail + " (HTTP " + r.statusCode() + ")"
                            + (r.statusCode() == 401 ? "; run `client login` again or check IPMI_GATEWAY_TOKEN" : ""));
                }
                return j;
            });
        }
    }

    /** The token file: JSON {url, token, expires}, created with mode 0600 before the token is written. */
    record StoredToken(String url, String token, String expires) {
        static StoredToken read(Path file) {
            if (!Files.exists(file)) {
                return null;
            }
            try {
                JsonNode j = JSON.readTree(file.toFile());
                return new StoredToken(j.path("url").asText(), j.path("token").asText(), j.path("expires").asText());
            } catch (IOException e) {
                throw new CliException("cannot read the token file " + file + ": " + e.getMessage());
            }
        }

        static void write(Path file, StoredToken t) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                Path tmp = Files.createTempFile(dir, ".token", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(tmp, JSON.createObjectNode().put("url", t.url()).put("token", t.token())
                            .put("expires", t.expires()).toString());
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | UnsupportedOperationException e) {
                throw new CliException("cannot write the token file " + file + ": " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "StoredToken[url=" + url + ", expires=" + expires + "]";
        }
    }

    static final class CliException extends RuntimeException {
        CliException(String message) {
            super(message);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
