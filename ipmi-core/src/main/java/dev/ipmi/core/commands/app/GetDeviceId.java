package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Optional;

/** Get Device ID — IPMI v2.0 §20.1, table 20-2. NetFn App (06h), cmd 01h. */
public final class GetDeviceId {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x01, "Get Device ID");

    private GetDeviceId() {}

    public record Request() implements IpmiRequest<Response> {
        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {}

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param deviceId           device ID (00h unspecified)
     * @param providesDeviceSdrs byte 2 bit 7
     * @param deviceRevision     byte 2 bits 3:0
     * @param deviceAvailable    false while firmware/SDR update or initialization is in progress (byte 3 bit 7 set)
     * @param firmwareMajor      binary major firmware revision (7 bits)
     * @param firmwareMinor      minor firmware revision as sent (BCD byte, e.g. 0x09 for ".09")
     * @param ipmiVersion        BCD: low nibble major, high nibble minor (0x51 = 1.5, 0x02 = 2.0)
     * @param additionalSupport  byte 7 bit mask (sensor, SDR repository, SEL, FRU, IPMB receiver/generator, bridge, chassis)
     * @param manufacturerId     20-bit IANA enterprise number
     * @param productId          16-bit product ID
     * @param auxFirmwareRevision optional 4 bytes
     */
    public record Response(int deviceId, boolean providesDeviceSdrs, int deviceRevision, boolean deviceAvailable,
                           int firmwareMajor, int firmwareMinor, int ipmiVersion, int additionalSupport,
                           int manufacturerId, int productId, Optional<ByteString> auxFirmwareRevision)
            implements IpmiResponse {

        public static final int SENSOR_DEVICE = 0x01;
        public static final int SDR_REPOSITORY_DEVICE = 0x02;
        public static final int SEL_DEVICE = 0x04;
        public static final int FRU_INVENTORY_DEVICE = 0x08;
        public static final int IPMB_EVENT_RECEIVER = 0x10;
        public static final int IPMB_EVENT_GENERATOR = 0x20;
        public static final int BRIDGE = 0x40;
        public static final int CHASSIS_DEVICE = 0x80;

        public Response {
            Objects.requireNonNull(auxFirmwareRevision, "auxFirmwareRevision");
            if (auxFirmwareRevision.isPresent() && auxFirmwareRevision.get().size() != 4) {
                throw new IllegalArgumentException("aux firmware revision is 4 bytes");
            }
        }

        static Response decode(ByteReader in) {
            int deviceId = in.u8("device ID");
            int rev = in.u8("device revision");
            int fw1 = in.u8("firmware revision 1");
            int fw2 = in.u8("firmware revision 2");
            int ipmiVersion = in.u8("IPMI version");
            int support = in.u8("additional device support");
            int manufacturer = in.u24("manufacturer ID") & 0x0FFFFF;
            int product = in.u16("product ID");
            Optional<ByteString> aux = in.remaining() >= 4 ? Optional.of(in.byteString(4, "auxiliary firmware revision"))
                    : Optional.empty();
            return new Response(deviceId, (rev & 0x80) != 0, rev & 0x0F, (fw1 & 0x80) == 0, fw1 & 0x7F, fw2,
                    ipmiVersion, support, manufacturer, product, aux);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(deviceId)
                    .u8((providesDeviceSdrs ? 0x80 : 0) | (deviceRevision & 0x0F))
                    .u8((deviceAvailable ? 0 : 0x80) | (firmwareMajor & 0x7F))
                    .u8(firmwareMinor)
                    .u8(ipmiVersion)
                    .u8(additionalSupport)
                    .u24(manufacturerId & 0x0FFFFF)
                    .u16(productId);
            auxFirmwareRevision.ifPresent(out::bytes);
        }

        /** "2.0", "1.5" … */
        public String ipmiVersionText() {
            return (ipmiVersion & 0x0F) + "." + ((ipmiVersion >>> 4) & 0x0F);
        }

        /** The vendor name for {@link #manufacturerId()} from {@link ManufacturerNames}, if known. */
        public Optional<String> manufacturerName() {
            return ManufacturerNames.of(manufacturerId);
        }

        /** ipmitool's "Firmware Revision" text: major "." minor as two hex digits, e.g. "0.09". */
        public String firmwareRevisionText() {
            return firmwareMajor + "." + String.format("%02x", firmwareMinor);
        }
    }
}
