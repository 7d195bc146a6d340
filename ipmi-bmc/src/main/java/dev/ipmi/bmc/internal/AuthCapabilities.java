package dev.ipmi.bmc.internal;

import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.ByteReader;

/** The BMC's answer to Get Channel Authentication Capabilities (IPMI v2.0 §22.13), from its configuration. */
public final class AuthCapabilities {
    private AuthCapabilities() {}

    /** The answer to request bytes {@code data}. */
    public static Reply answer(ResponderConfig config, byte[] data) {
        ByteReader in = ByteReader.of(data);
        int q0;
        try {
            q0 = in.u8("channel");
            in.u8("requested privilege level");
        } catch (MalformedMessageException e) {
            return Reply.error(CompletionCode.REQUEST_LENGTH_INVALID);
        }
        int channel = q0 & 0x0F;
        if (channel != 0x0E && channel != config.channel()) {
            return Reply.error(CompletionCode.INVALID_DATA_FIELD);
        }
        boolean extended = (q0 & 0x80) != 0 && config.rmcpPlus();
        int mask = 0;
        for (AuthType t : config.authTypes()) {
            mask |= t.mask();
        }
        boolean anonymous = config.users().stream().anyMatch(u -> u.name().isEmpty() && u.password().length == 0);
        boolean nullUser = config.users().stream().anyMatch(u -> u.name().isEmpty());
        // AUTHCAP (Asus P5M2 and others): the user-name bits are wrong although named users log in.
        boolean nonNull = !config.has(BmcQuirk.AUTHCAP);
        // UNEXPECTEDAUTH, FORCEPERMSG: per-message authentication is reported off although the BMC
        // still authenticates (one answers with AuthCodes, the other requires them).
        boolean perMessageOff = config.has(BmcQuirk.UNEXPECTEDAUTH) || config.has(BmcQuirk.FORCEPERMSG);
        return Reply.ok(new GetChannelAuthenticationCapabilities.Response(config.channel(), extended, mask,
                extended && config.kgConfigured(), perMessageOff, false, nonNull, nullUser && !anonymous, anonymous,
                config.rmcpPlus(), !config.authTypes().isEmpty(), 0, 0));
    }
}
