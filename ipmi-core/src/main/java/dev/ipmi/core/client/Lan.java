package dev.ipmi.core.client;

import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.internal.Futures;
import java.net.Inet4Address;
import java.util.Optional;

/** LAN configuration (ipmitool's {@code lan}); waits on {@link AsyncLan}. */
public final class Lan {
    private final AsyncLan async;

    Lan(AsyncLan async) {
        this.async = async;
    }

    public Optional<LanParameter> parameter(int channel, int selector) {
        return Futures.await(async.parameter(channel, selector));
    }

    /** The common parameters of a channel (what {@code lan print} shows). */
    public LanConfig config(int channel) {
        return Futures.await(async.config(channel));
    }

    public void setIpAddress(int channel, Inet4Address address) {
        Futures.await(async.setIpAddress(channel, address));
    }

    public void setSubnetMask(int channel, Inet4Address mask) {
        Futures.await(async.setSubnetMask(channel, mask));
    }

    public void setDefaultGateway(int channel, Inet4Address address) {
        Futures.await(async.setDefaultGateway(channel, address));
    }

    public void setIpSource(int channel, IpSource source) {
        Futures.await(async.setIpSource(channel, source));
    }

    public void setVlanId(int channel, int vlanId) {
        Futures.await(async.setVlanId(channel, vlanId));
    }

    public void disableVlan(int channel) {
        Futures.await(async.disableVlan(channel));
    }

    /** Any parameter, with the set-in-progress protocol of {@link AsyncLan}. */
    public void set(int channel, LanParameter parameter) {
        Futures.await(async.set(channel, parameter));
    }
}
