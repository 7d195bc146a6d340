package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;

/**
 * A DCMI capability parameter — DCMI v1.5 §6.1.1, table 6-3. Parameters 1 (supported
 * capabilities) and 2 (mandatory platform attributes) are typed; others are raw bytes. Several
 * bits were marked reserved from parameter revision 02h on; they are decoded as sent.
 */
public interface DcmiCapabilityParameter {
    int SUPPORTED_CAPABILITIES = 1;
    int MANDATORY_PLATFORM_ATTRIBUTES = 2;
    int OPTIONAL_PLATFORM_ATTRIBUTES = 3;
    int MANAGEABILITY_ACCESS_ATTRIBUTES = 4;
    int ENHANCED_POWER_STATISTICS_ATTRIBUTES = 5;

    int selector();

    void encodeData(ByteWriter out);

    /**
     * A parameter without a typed record, as raw data bytes.
     *
     * @throws IllegalArgumentException if the selector is out of range or has a typed record
     */
    static RawParameter raw(int selector, ByteString data) {
        return new RawParameter(ParameterFamily.DCMI_CAPABILITY, selector, data);
    }

    static DcmiCapabilityParameter decode(int selector, ByteReader in) {
        return switch (selector) {
            case SUPPORTED_CAPABILITIES -> SupportedCapabilities.decode(in);
            case MANDATORY_PLATFORM_ATTRIBUTES -> MandatoryPlatformAttributes.decode(in);
            default -> new RawParameter(ParameterFamily.DCMI_CAPABILITY, selector, in.restAsByteString());
        };
    }

    /**
     * Parameter 1.
     *
     * @param identification        byte 1 bit 0 (mandatory platform capability)
     * @param selLogging            bit 1
     * @param chassisPower          bit 2
     * @param temperatureMonitor    bit 3
     * @param powerManagement       byte 2 bit 0 (optional platform capability: power management/monitoring)
     * @param inBandSystemInterface byte 3 bit 0 (manageability access)
     * @param serialTmode           bit 1
     * @param secondaryLan          bit 2
     * @param primaryLan            bit 3
     * @param sol                   bit 4
     * @param vlan                  bit 5
     */
    record SupportedCapabilities(boolean identification, boolean selLogging, boolean chassisPower,
                                 boolean temperatureMonitor, boolean powerManagement, boolean inBandSystemInterface,
                                 boolean serialTmode, boolean secondaryLan, boolean primaryLan, boolean sol,
                                 boolean vlan) implements DcmiCapabilityParameter {
        static SupportedCapabilities decode(ByteReader in) {
            int m = in.u8("mandatory platform capabilities");
            int o = in.u8("optional platform capabilities");
            int a = in.u8("manageability access capabilities");
            return new SupportedCapabilities((m & 0x01) != 0, (m & 0x02) != 0, (m & 0x04) != 0, (m & 0x08) != 0,
                    (o & 0x01) != 0, (a & 0x01) != 0, (a & 0x02) != 0, (a & 0x04) != 0, (a & 0x08) != 0,
                    (a & 0x10) != 0, (a & 0x20) != 0);
        }

        @Override
        public int selector() {
            return SUPPORTED_CAPABILITIES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8((identification ? 0x01 : 0) | (selLogging ? 0x02 : 0) | (chassisPower ? 0x04 : 0)
                    | (temperatureMonitor ? 0x08 : 0));
            out.u8(powerManagement ? 0x01 : 0);
            out.u8((inBandSystemInterface ? 0x01 : 0) | (serialTmode ? 0x02 : 0) | (secondaryLan ? 0x04 : 0)
                    | (primaryLan ? 0x08 : 0) | (sol ? 0x10 : 0) | (vlan ? 0x20 : 0));
        }
    }

    /**
     * Parameter 2.
     *
     * @param selEntries                 bytes 1-2 bits 11:0, SEL capacity in entries
     * @param recordLevelFlushOnRollover bit 12
     * @param entireSelFlushOnRollover   bit 13
     * @param selAutoRollover            bit 15
     * @param guidSupport                byte 3 bit 0
     * @param dhcpHostNameSupport        bit 1
     * @param assetTagSupport            bit 2
     * @param inletTemperature           byte 4 bit 0
     * @param processorTemperature       bit 1
     * @param baseboardTemperature       bit 2
     * @param samplingPeriodSeconds      optional byte 5 (parameter revision 02h and later)
     */
    record MandatoryPlatformAttributes(int selEntries, boolean recordLevelFlushOnRollover,
                                       boolean entireSelFlushOnRollover, boolean selAutoRollover,
                                       boolean guidSupport, boolean dhcpHostNameSupport, boolean assetTagSupport,
                                       boolean inletTemperature, boolean processorTemperature,
                                       boolean baseboardTemperature, OptionalInt samplingPeriodSeconds)
            implements DcmiCapabilityParameter {
        public MandatoryPlatformAttributes {
            if (selEntries < 0 || selEntries > 0x0FFF) {
                throw new IllegalArgumentException("SEL entry count is 12 bits: " + selEntries);
            }
            if (samplingPeriodSeconds.isPresent()
                    && (samplingPeriodSeconds.getAsInt() < 0 || samplingPeriodSeconds.getAsInt() > 0xFF)) {
                throw new IllegalArgumentException("sampling period is one byte");
            }
        }

        static MandatoryPlatformAttributes decode(ByteReader in) {
            int sel = in.u16("SEL attributes");
            int id = in.u8("identification attributes");
            int t = in.u8("temperature monitoring attributes");
            int period = in.u8OrAbsent("temperature sampling period");
            return new MandatoryPlatformAttributes(sel & 0x0FFF, (sel & 0x1000) != 0, (sel & 0x2000) != 0,
                    (sel & 0x8000) != 0, (id & 0x01) != 0, (id & 0x02) != 0, (id & 0x04) != 0, (t & 0x01) != 0,
                    (t & 0x02) != 0, (t & 0x04) != 0, period < 0 ? OptionalInt.empty() : OptionalInt.of(period));
        }

        @Override
        public int selector() {
            return MANDATORY_PLATFORM_ATTRIBUTES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u16(selEntries | (recordLevelFlushOnRollover ? 0x1000 : 0) | (entireSelFlushOnRollover ? 0x2000 : 0)
                    | (selAutoRollover ? 0x8000 : 0));
            out.u8((guidSupport ? 0x01 : 0) | (dhcpHostNameSupport ? 0x02 : 0) | (assetTagSupport ? 0x04 : 0));
            out.u8((inletTemperature ? 0x01 : 0) | (processorTemperature ? 0x02 : 0) | (baseboardTemperature ? 0x04 : 0));
            samplingPeriodSeconds.ifPresent(out::u8);
        }
    }

}
