package dev.ipmi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ipmi.gateway.auth.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configurations this module ships (the demo, the Kubernetes ConfigMap) are accepted by the strict loader. */
class ShippedConfigsTest {
    @TempDir
    Path dir;

    @Test
    void demoConfigurationLoads() throws Exception {
        GatewayConfig c = new ConfigLoader(Map.of("VBMC_PASSWORD", "secret")::get, dir)
                .parse(Files.readString(Path.of("examples", "demo.yaml")));
        assertThat(c.bmcs()).hasSize(1);
        assertThat(c.bmcs().get(0).port()).isEqualTo(6230);
        assertThat(c.apiKeys().get(0).sha256())
                .as("SHA-256 of the documented demo key, from coreutils sha256sum")
                .isEqualTo("9666fdae845f5392983a266407e3bf3e02f2be6e3b05cc210f99a933d2239fba");
    }

    @Test
    void kubernetesConfigMapLoads() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs;
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class)
                .readValues(Path.of("deploy", "kubernetes", "ipmi-gateway.yaml").toFile())) {
            docs = it.readAll();
        }
        JsonNode configMap = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
        Path secret = dir.resolve("node01-password");
        Files.writeString(secret, "x\n");
        String text = configMap.get("data").get("gateway.yaml").asText()
                .replace("/run/secrets/ipmi/node01-password", secret.toString());
        GatewayConfig c = new ConfigLoader(Map.<String, String>of()::get, dir).parse(text);
        assertThat(c.listenPort()).isEqualTo(8623);
        assertThat(c.sidecar()).contains("node01");
        assertThat(c.apiKeys().get(0).commands()).containsExactlyInAnyOrder(
                Command.POWER_STATUS, Command.POWER_ON,
                Command.POWER_SOFT);
        JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode gw = null;
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            if (container.get("name").asText().equals("ipmi-gateway")) {
                gw = container;
            }
        }
        assertThat(gw).isNotNull();
        assertThat(gw.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(gw.at("/resources/limits/memory").asText()).isEqualTo("128Mi");
        assertThat(gw.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    }
}
