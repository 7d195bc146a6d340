package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;

/**
 * Activate Payload — IPMI v2.0 §24.1, tables 24-2 (request) and 24-3 (SOL auxiliary data). NetFn App
 * (06h), cmd 48h.
 *
 * <p>Command-specific completion codes: 80h payload already active on another session, 81h payload
 * type disabled, 82h activation limit reached, 83h cannot activate with encryption, 84h cannot
 * activate without encryption.
 */
public final class ActivatePayload {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x48, "Activate Payload");
    public static final int ALREADY_ACTIVE = 0x80;
    public static final int PAYLOAD_DISABLED = 0x81;
    public static final int LIMIT_REACHED = 0x82;
    public static final int CANNOT_ACTIVATE_WITH_ENCRYPTION = 0x83;
    public static final int CANNOT_ACTIVATE_WITHOUT_ENCRYPTION = 0x84;

    /** VLAN field value meaning "no VLAN". */
    public static final int NO_VLAN = 0xFFFF;

    private ActivatePayload() {}

    /** SOL serial/modem alert behaviour while the payload is active (aux byte bits 3:2). */
    public enum AlertBehaviour {
        /** Serial/modem alerts fail while SOL is active. */
        FAIL,
        /** Alerts are deferred until SOL is deactivated (ipmitool's choice). */
        DEFER,
        /** Alerts succeed: the BMC interrupts SOL to send them. */
        SUCCEED,
        RESERVED
    }

    /**
     * @param payloadType          6-bit payload type ({@link Payloads#SOL})
     * @param instance             payload instance 1..15 (SOL: normally 1)
     * @param encrypt              aux bit 7: activate with encryption (use the session's confidentiality)
     * @param authenticate         aux bit 6: activate with authentication (use the session's integrity)
     * @param testMode             aux bit 5
     * @param alerts               aux bits 3:2
     * @param keepHandshakeDeasserted aux bit 1: 1 = CTS and DCD/DSR stay deasserted at activation until the console asserts them
     */
    public record Request(int payloadType, int instance, boolean encrypt, boolean authenticate, boolean testMode,
                          AlertBehaviour alerts, boolean keepHandshakeDeasserted)
            implements IpmiRequest<Response> {
        public Request {
            Payloads.checkType(payloadType);
            Payloads.checkInstance(instance);
            if (alerts == null) {
                throw new IllegalArgumentException("alerts must not be null");
            }
        }

        /** SOL instance 1 with the given security bits, alerts deferred (as ipmitool does). */
        public static Request sol(boolean encrypt, boolean authenticate) {
            return new Request(Payloads.SOL, 1, encrypt, authenticate, false, AlertBehaviour.DEFER, false);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        public int auxByte() {
            return (encrypt ? 0x80 : 0) | (authenticate ? 0x40 : 0) | (testMode ? 0x20 : 0)
                    | alerts.ordinal() << 2 | (keepHandshakeDeasserted ? 0x02 : 0);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(payloadType).u8(instance).u8(auxByte()).zeros(3);
        }

        /** Decodes request data (the BMC side, and the golden vectors). */
        public static Request decode(ByteReader in) {
            int type = in.u8("payload type") & 0x3F;
            int instance = in.u8("payload instance") & 0x0F;
            if (instance == 0) {
                throw in.malformed("payload instance", "instance 0 is reserved");
            }
            int aux = in.u8("auxiliary request data");
            in.skip(3, "auxiliary request data bytes 2-4");
            return new Request(type, instance, (aux & 0x80) != 0, (aux & 0x40) != 0, (aux & 0x20) != 0,
                    AlertBehaviour.values()[(aux >>> 2) & 3], (aux & 0x02) != 0);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param auxData             4 bytes of auxiliary response data, LS byte first (SOL: bit 0 = test mode)
     * @param inboundPayloadSize  largest payload the console may send to the BMC, in bytes (SOL header included)
     * @param outboundPayloadSize largest payload the BMC will send; untrusted (ipmi_sim reports 4000h)
     * @param port                UDP port for the payload's traffic (usually the session's port)
     * @param vlan                VLAN number, {@link #NO_VLAN} when none
     */
    public record Response(long auxData, int inboundPayloadSize, int outboundPayloadSize, int port, int vlan)
            implements IpmiResponse {
        public Response {
            if (auxData < 0 || auxData > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("aux data is 32 bits: " + auxData);
            }
        }

        static Response decode(ByteReader in) {
            long aux = in.u32("auxiliary response data");
            int inbound = in.u16("inbound payload size");
            int outbound = in.u16("outbound payload size");
            int port = in.u16("payload UDP port");
            int vlan = in.u16("payload VLAN number");
            return new Response(aux, inbound, outbound, port, vlan);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u32(auxData).u16(inboundPayloadSize).u16(outboundPayloadSize).u16(port).u16(vlan);
        }

        public boolean testMode() {
            return (auxData & 1) != 0;
        }

        public OptionalInt vlanId() {
            return vlan == NO_VLAN ? OptionalInt.empty() : OptionalInt.of(vlan & 0x0FFF);
        }

        /**
         * The UDP port to send payload packets to: the reported port, or the session's port when the
         * BMC reported the session port byte-swapped (some BMCs send it big-endian; ipmitool and
         * pyghmi accept that). Empty when the BMC names a different port, which this library does
         * not support.
         */
        public OptionalInt portFor(int sessionPort) {
            if (port == sessionPort) {
                return OptionalInt.of(sessionPort);
            }
            int swapped = ((port & 0xFF) << 8) | (port >>> 8);
            return swapped == sessionPort ? OptionalInt.of(sessionPort) : OptionalInt.empty();
        }
    }
}
