package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.engine.Rmcp;
import dev.ipmi.testing.IpmiSim;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1000 virtual BMCs on 1000 ports in one JVM limited to a 512 MiB heap: every one answers an ASF
 * ping, a sample answers ipmitool and FreeIPMI, and the host JVM stays at a handful of threads.
 */
class VirtualBmcScaleIT {
    static final int COUNT = 1000;

    @TempDir
    Path dir;

    /** Child JVM: hosts COUNT BMCs, prints "ready PORT..." and the heap and thread figures, then waits. */
    public static void main(String[] args) throws Exception {
        VirtualBmcServer server = VirtualBmcServer.start();
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            VirtualBmc bmc = VirtualBmc.builder()
                    .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                    .backend(InMemoryBackend.builder().instance(i).build())
                    .build();
            ports.append(' ').append(server.add(bmc).getPort());
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("heap " + (rt.totalMemory() - rt.freeMemory()) + " max " + rt.maxMemory() + " threads "
                + Thread.activeCount());
        System.out.println("ready" + ports);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        server.close();
    }

    @Test
    void thousandBmcsInA512MiBHeap() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                VirtualBmcScaleIT.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String stats = null;
            String ready = null;
            for (int i = 0; i < 50 && ready == null; i++) {
                String line = out.readLine();
                assertThat(line).as("child ended early").isNotNull();
                if (line.startsWith("heap ")) {
                    stats = line;
                } else if (line.startsWith("ready")) {
                    ready = line;
                }
            }
            assertThat(ready).isNotNull();
            System.out.println("virtual BMC scale: " + COUNT + " BMCs, " + stats);
            String[] s = stats.split(" ");
            long used = Long.parseLong(s[1]);
            int threads = Integer.parseInt(s[5]);
            assertThat(Long.parseLong(s[3])).isLessThanOrEqualTo(512L * 1024 * 1024);
            assertThat(used).as("heap in use with %d BMCs", COUNT).isLessThan(256L * 1024 * 1024);
            assertThat(threads).as("no thread per BMC").isLessThan(20);
            int[] ports = java.util.Arrays.stream(ready.substring(6).trim().split(" "))
                    .mapToInt(Integer::parseInt).sorted().toArray();
            assertThat(ports).hasSize(COUNT);

            BitSet answered = new BitSet(COUNT);
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(2000);
                socket.setReceiveBufferSize(1 << 20);
                for (int round = 0; round < 3 && answered.cardinality() < COUNT; round++) {
                    for (int i = 0; i < COUNT; i++) {
                        if (!answered.get(i)) {
                            byte[] ping = Rmcp.presencePing(i & 0x7F);
                            socket.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(),
                                    ports[i]));
                        }
                    }
                    byte[] buf = new byte[64];
                    try {
                        while (answered.cardinality() < COUNT) {
                            DatagramPacket p = new DatagramPacket(buf, buf.length);
                            socket.receive(p);
                            int idx = java.util.Arrays.binarySearch(ports, p.getPort());
                            if (idx >= 0 && Rmcp.Pong.decode(java.util.Arrays.copyOf(buf, p.getLength()))
                                    .ipmiSupported()) {
                                answered.set(idx);
                            }
                        }
                    } catch (java.net.SocketTimeoutException e) {
                        // next round re-pings the silent ones
                    }
                }
            }
            assertThat(answered.cardinality()).isEqualTo(COUNT);

            for (int i : new int[] {0, COUNT / 2, COUNT - 1}) {
                String port = Integer.toString(ports[i]);
                assertThat(IpmiSim.run(List.of("ipmitool", "-I", "lanplus", "-C", "17", "-H", "127.0.0.1", "-p", port,
                        "-U", "admin", "-P", "password", "chassis", "power", "status"), dir)).contains("Chassis Power");
                assertThat(IpmiSim.run(List.of("ipmi-power", "-h", "127.0.0.1:" + port, "-u", "admin", "-p",
                        "password", "-D", "LAN_2_0", "-I", "3", "--stat"), dir)).contains("127.0.0.1: off");
            }
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
