package dev.ipmi.core;

import dev.ipmi.core.types.NetFn;
import java.util.Objects;

/** A command's identity: request netFn, command byte and the spec's name (for messages and logs). */
public record CommandId(NetFn netFn, int cmd, String name) {
    public CommandId {
        Objects.requireNonNull(netFn, "netFn");
        Objects.requireNonNull(name, "name");
        if (cmd < 0 || cmd > 0xFF) {
            throw new IllegalArgumentException("command byte out of range: " + cmd);
        }
        if (netFn.isResponse()) {
            throw new IllegalArgumentException("CommandId takes the request netFn, got " + netFn);
        }
    }

    public static CommandId of(NetFn netFn, int cmd, String name) {
        return new CommandId(netFn, cmd, name);
    }

    /** Same netFn and command byte (names are descriptive only). */
    public boolean matches(CommandId other) {
        return netFn.equals(other.netFn) && cmd == other.cmd;
    }

    @Override
    public String toString() {
        return name + " (netFn " + String.format("%02Xh", netFn.code()) + ", cmd " + String.format("%02Xh", cmd) + ")";
    }
}
