package dev.ipmi.testing;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.wire.Hex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only {@link IpmiTransport} that sends every request with {@code ipmitool raw} (one
 * process per request, IPMI 1.5 LAN). It lets the socket-free readers of ipmi-core talk to a real
 * ipmi_sim before this project has its own session layer; completion codes come back as ipmitool
 * reports them ("rsp=0xNN").
 */
public final class IpmitoolRawTransport implements IpmiTransport {
    private static final Pattern RSP = Pattern.compile("rsp=0x([0-9a-fA-F]{2})");
    private final IpmiSim sim;
    public final AtomicInteger requests = new AtomicInteger();

    public IpmitoolRawTransport(IpmiSim sim) {
        this.sim = sim;
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        requests.incrementAndGet();
        List<String> args = new ArrayList<>(sim.ipmitoolArgs("lan", IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD));
        if (!target.isBmc()) {
            args.addAll(List.of("-t", String.format("0x%02x", target.address()), "-b",
                    Integer.toString(target.channel())));
        }
        args.addAll(List.of("raw", String.format("0x%02x", id.netFn().code()), String.format("0x%02x", id.cmd())));
        for (byte b : data) {
            args.add(String.format("0x%02x", b & 0xFF));
        }
        try {
            String out = IpmiSim.run(args, sim.stateDir());
            byte[] body = Hex.parse(out);
            byte[] withCc = new byte[body.length + 1];
            System.arraycopy(body, 0, withCc, 1, body.length);
            return CompletableFuture.completedFuture(withCc);
        } catch (IOException e) {
            Matcher m = RSP.matcher(e.getMessage());
            if (m.find()) {
                return CompletableFuture.completedFuture(new byte[] {(byte) Integer.parseInt(m.group(1), 16)});
            }
            return CompletableFuture.failedFuture(new IpmiTransportException("ipmitool raw failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new IpmiTransportException("interrupted"));
        }
    }

    @Override
    public void close() {}
}
