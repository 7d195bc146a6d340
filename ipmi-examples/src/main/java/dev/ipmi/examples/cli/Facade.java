package dev.ipmi.examples.cli;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.client.BridgingTransport;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

/** Opens an {@link IpmiClient} from the global options; applies {@code -t}/{@code -b} to every request. */
final class Facade {
    private Facade() {}

    static IpmiClient connect(IpmiCli root) {
        return IpmiClient.using(open(root));
    }

    /** The session from the connection options, sending to the {@code -t}/{@code -b} target when one is given. */
    static IpmiTransport open(IpmiCli root) {
        IpmiTransport t = root.connection.open();
        FacadeOptions f = root.facade;
        RequestTarget target = target(f);
        return target.isBmc() ? t : new Retargeting(BridgingTransport.wrap(t), target);
    }

    /** The target of {@code -t}/{@code -b}/{@code -T}/{@code -B}; like ipmitool, a transit of 0 or 20h means none. */
    static RequestTarget target(FacadeOptions f) {
        boolean transit = f.transitAddress != null && f.transitAddress != 0 && f.transitAddress != 0x20;
        if (f.target == null || f.target == 0x20 && !transit) {
            if (transit) {
                throw new IllegalArgumentException("-T (transit address) needs -t (target address)");
            }
            return RequestTarget.BMC;
        }
        int channel = f.channel == null ? 0 : f.channel;
        if (transit) {
            return RequestTarget.doubleBridged(f.transitAddress, f.transitChannel == null ? 0 : f.transitChannel,
                    f.target, channel);
        }
        return RequestTarget.bridged(f.target, channel);
    }

    static boolean json(IpmiCli root) {
        return root.facade.json;
    }

    /** Prints {@code value} as JSON when {@code --json} was given; returns whether it did. */
    static boolean printJson(IpmiCli root, PrintWriter out, Object value) {
        if (!root.facade.json) {
            return false;
        }
        out.println(Json.write(value));
        out.flush();
        return true;
    }

    /** Sends what the facade addresses to the BMC to the bridged target instead. */
    private record Retargeting(IpmiTransport delegate, RequestTarget target) implements IpmiTransport {
        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget t, CommandId id, byte[] data) {
            return delegate.exchange(t.isBmc() && t.lun() == 0 ? target : t, id, data);
        }

        @Override
        public <T> java.util.Optional<T> unwrap(Class<T> type) {
            return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : delegate.unwrap(type);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
