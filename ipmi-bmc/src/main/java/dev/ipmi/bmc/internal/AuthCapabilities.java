package dev.ipmi.bmc.internal;

import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** The BMC's answer to Get Channel Authentication Capabilities (IPMI v2.0 §22.13), from its configuration. */
public final class AuthCapabilities {
    private AuthCapabilities() {}

    /** Completion code plus response data for request bytes {@code data}. */
    public static byte[] answer(ResponderConfig config, byte[] data) {
        if (data.length < 2) {
            return new byte[] {(byte) CompletionCode.REQUEST_LENGTH_INVALID.code()};
        }
        ByteReader in = ByteReader.of(data);
        int q0 = in.u8("channel");
        int channel = q0 & 0x0F;
        if (channel != 0x0E && channel != config.channel()) {
            return new byte[] {(byte) CompletionCode.INVALID_DATA_FIELD.code()};
        }
        boolean extended = (q0 & 0x80) != 0 && config.rmcpPlus();
        int mask = 0;
        for (AuthType t : config.authTypes()) {
            mask |= t.mask();
        }
        boolean anonymous = config.users().stream().anyMatch(u -> u.name().isEmpty() && u.password().length == 0);
        boolean nullUser = config.users().stream().anyMatch(u -> u.name().isEmpty());
        var response = new GetChannelAuthenticationCapabilities.Response(config.channel(), extended, mask,
                extended && config.kgConfigured(), false, false, true, nullUser && !anonymous, anonymous,
                config.rmcpPlus(), !config.authTypes().isEmpty(), 0, 0);
        ByteWriter w = new ByteWriter(10);
        w.u8(0);
        response.encode(w);
        return w.toByteArray();
    }
}
