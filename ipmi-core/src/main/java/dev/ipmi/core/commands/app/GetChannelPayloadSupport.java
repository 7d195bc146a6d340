package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Get Channel Payload Support — IPMI v2.0 §24.8, table 24-10. NetFn App (06h), cmd 4Eh.
 *
 * <p>Must be sent with a real channel number. Channel 0Eh ("the channel this request arrives on") is
 * refused here: OpenIPMI's {@code ipmi_sim} (2.0.33 and upstream HEAD) looks the channel up without a
 * NULL check and crashes on it, which is why FreeIPMI's {@code ipmiconsole} needs
 * {@code -W solchannelsupport} against it. Ask for the LAN channel the session runs on (usually 1).
 */
public final class GetChannelPayloadSupport {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x4E, "Get Channel Payload Support");
    public static final int THIS_CHANNEL = 0x0E;

    private GetChannelPayloadSupport() {}

    public record Request(int channel) implements IpmiRequest<Response> {
        public Request {
            if (channel == THIS_CHANNEL) {
                throw new IllegalArgumentException("Get Channel Payload Support needs the real channel number, "
                        + "not 0Eh (\"this channel\"): ipmi_sim crashes on it");
            }
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel is 4 bits: " + channel);
            }
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param standardPayloads     bit n = standard payload type n supported (0 IPMI, 1 SOL, 2 OEM explicit)
     * @param sessionSetupPayloads bit n = session-setup payload type 10h+n supported
     * @param oemPayloads          bit n = OEM payload type 20h+n supported
     * @param reserved             the last two (reserved) bytes as sent
     */
    public record Response(int standardPayloads, int sessionSetupPayloads, int oemPayloads, int reserved)
            implements IpmiResponse {
        public Response {
            for (int v : new int[] {standardPayloads, sessionSetupPayloads, oemPayloads, reserved}) {
                if (v < 0 || v > 0xFFFF) {
                    throw new IllegalArgumentException("payload support fields are 16 bits: " + v);
                }
            }
        }

        static Response decode(ByteReader in) {
            int std = in.u16("standard payload support");
            int setup = in.u16("session-setup payload support");
            int oem = in.u16("OEM payload support");
            int reserved = in.u16("reserved");
            return new Response(std, setup, oem, reserved);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(standardPayloads).u16(sessionSetupPayloads).u16(oemPayloads).u16(reserved);
        }

        /** Whether the channel lists payload type {@code type} (0-15 standard, 10h-1Fh setup, 20h-2Fh OEM). */
        public boolean supports(int type) {
            Payloads.checkType(type);
            if (type < 0x10) {
                return (standardPayloads & (1 << type)) != 0;
            }
            if (type < 0x20) {
                return (sessionSetupPayloads & (1 << (type - 0x10))) != 0;
            }
            if (type < 0x30) {
                return (oemPayloads & (1 << (type - 0x20))) != 0;
            }
            return false;
        }
    }
}
