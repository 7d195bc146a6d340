package dev.ipmi.core.client;

import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.LanParameter;
import java.net.Inet4Address;
import java.util.Optional;

/** LAN configuration (ipmitool's {@code lan}); waits on {@link AsyncLan}. */
public final class Lan {
    private final AsyncLan async;

    Lan(AsyncLan async) {
        this.async = async;
    }

    public Optional<LanParameter> parameter(int channel, int selector) {
        return Await.get(async.parameter(channel, selector));
    }

    /** The common parameters of a channel (what {@code lan print} shows). */
    public LanConfig config(int channel) {
        return Await.get(async.config(channel));
    }

    public void setIpAddress(int channel, Inet4Address address) {
        Await.get(async.setIpAddress(channel, address));
    }

    public void setSubnetMask(int channel, Inet4Address mask) {
        Await.get(async.setSubnetMask(channel, mask));
    }

    public void setDefaultGateway(int channel, Inet4Address address) {
        Await.get(async.setDefaultGateway(channel, address));
    }

    public void setIpSource(int channel, IpSource source) {
        Await.get(async.setIpSource(channel, source));
    }

    public void setVlanId(int channel, int vlanId) {
        Await.get(async.setVlanId(channel, vlanId));
    }

    public void disableVlan(int channel) {
        Await.get(async.disableVlan(channel));
    }

    /** Any parameter, with the set-in-progress protocol of {@link AsyncLan}. */
    public void set(int channel, LanParameter parameter) {
        Await.get(async.set(channel, parameter));
    }
}
