package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A DCMI capability parameter — DCMI v1.5 §6.1.1, tables 6-3 and 6-4. Parameters 1 to 5 are
 * typed; others are raw bytes. Several bits were marked reserved from parameter revision 02h on;
 * they are decoded as sent.
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
            case OPTIONAL_PLATFORM_ATTRIBUTES -> OptionalPlatformAttributes.decode(in);
            case MANAGEABILITY_ACCESS_ATTRIBUTES -> ManageabilityAccessAttributes.decode(in);
            case ENHANCED_POWER_STATISTICS_ATTRIBUTES -> EnhancedPowerStatisticsAttributes.decode(in);
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

    /**
     * Parameter 3: where the power management controller sits.
     *
     * @param powerManagementDeviceAddress byte 1, the device's IPMB slave address as an 8-bit value
     *                                     (bits 7:1 the 7-bit address, bit 0 reserved); 20h is the BMC
     * @param powerManagementChannel       byte 2 bits 7:4, the channel it is reached on (0 = primary IPMB)
     * @param deviceRevision               byte 2 bits 3:0
     */
    record OptionalPlatformAttributes(int powerManagementDeviceAddress, int powerManagementChannel,
                                      int deviceRevision) implements DcmiCapabilityParameter {
        public OptionalPlatformAttributes {
            check("power management device address", powerManagementDeviceAddress, 0xFF);
            check("power management channel", powerManagementChannel, 0x0F);
            check("device revision", deviceRevision, 0x0F);
        }

        static OptionalPlatformAttributes decode(ByteReader in) {
            int address = in.u8("power management device slave address");
            int b = in.u8("power management controller channel number");
            return new OptionalPlatformAttributes(address, b >>> 4, b & 0x0F);
        }

        @Override
        public int selector() {
            return OPTIONAL_PLATFORM_ATTRIBUTES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(powerManagementDeviceAddress);
            out.u8(powerManagementChannel << 4 | deviceRevision);
        }
    }

    /**
     * Parameter 4: the channels out-of-band access works on. On the wire FFh means "not
     * supported"; here that is an empty value.
     *
     * @param primaryLanChannel   byte 1, the mandatory primary LAN channel (RMCP+)
     * @param secondaryLanChannel byte 2, the optional secondary LAN channel (RMCP+ only)
     * @param serialChannel       byte 3, the optional serial channel with TMODE
     */
    record ManageabilityAccessAttributes(OptionalInt primaryLanChannel, OptionalInt secondaryLanChannel,
                                         OptionalInt serialChannel) implements DcmiCapabilityParameter {
        private static final int NOT_SUPPORTED = 0xFF;

        public ManageabilityAccessAttributes {
            checkChannel("primary LAN channel", primaryLanChannel);
            checkChannel("secondary LAN channel", secondaryLanChannel);
            checkChannel("serial channel", serialChannel);
        }

        static ManageabilityAccessAttributes decode(ByteReader in) {
            return new ManageabilityAccessAttributes(channel(in.u8("primary LAN channel number")),
                    channel(in.u8("secondary LAN channel number")), channel(in.u8("serial TMODE channel number")));
        }

        private static OptionalInt channel(int wire) {
            return wire == NOT_SUPPORTED ? OptionalInt.empty() : OptionalInt.of(wire);
        }

        private static void checkChannel(String field, OptionalInt channel) {
            Objects.requireNonNull(channel, field);
            if (channel.isPresent()) {
                check(field, channel.getAsInt(), NOT_SUPPORTED - 1);
            }
        }

        @Override
        public int selector() {
            return MANAGEABILITY_ACCESS_ATTRIBUTES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(primaryLanChannel.orElse(NOT_SUPPORTED));
            out.u8(secondaryLanChannel.orElse(NOT_SUPPORTED));
            out.u8(serialChannel.orElse(NOT_SUPPORTED));
        }
    }

    /**
     * Parameter 5: the rolling-average periods Get Power Reading accepts in enhanced mode.
     *
     * @param periods byte 1 is their number, then one byte per period
     */
    record EnhancedPowerStatisticsAttributes(List<RollingAveragePeriod> periods) implements DcmiCapabilityParameter {
        public EnhancedPowerStatisticsAttributes {
            periods = List.copyOf(periods);
            if (periods.size() > 0xFF) {
                throw new IllegalArgumentException("at most 255 rolling average periods: " + periods.size());
            }
        }

        static EnhancedPowerStatisticsAttributes decode(ByteReader in) {
            int n = in.u8("number of supported rolling average time periods");
            RollingAveragePeriod[] periods = new RollingAveragePeriod[n];
            for (int i = 0; i < n; i++) {
                periods[i] = RollingAveragePeriod.fromWire(in.u8("rolling average time period"));
            }
            return new EnhancedPowerStatisticsAttributes(List.of(periods));
        }

        @Override
        public int selector() {
            return ENHANCED_POWER_STATISTICS_ATTRIBUTES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(periods.size());
            periods.forEach(p -> out.u8(p.toWire()));
        }
    }

    /**
     * One rolling-average period of parameter 5: bits 7:6 the unit, bits 5:0 the count (at most 63).
     * The same byte is the "rolling average time period" of an enhanced Get Power Reading request.
     *
     * @param count how many units, 0 to 63
     * @param unit  the unit of time
     */
    record RollingAveragePeriod(int count, Unit unit) {
        /** Bits 7:6 of the period byte; all four codes are defined. */
        public enum Unit {
            SECONDS(Duration.ofSeconds(1)), MINUTES(Duration.ofMinutes(1)), HOURS(Duration.ofHours(1)),
            DAYS(Duration.ofDays(1));

            private final Duration length;

            Unit(Duration length) {
                this.length = length;
            }
        }

        public RollingAveragePeriod {
            check("rolling average period count", count, 0x3F);
            Objects.requireNonNull(unit, "unit");
        }

        /** Decodes the period byte. */
        public static RollingAveragePeriod fromWire(int b) {
            return new RollingAveragePeriod(b & 0x3F, Unit.values()[(b >>> 6) & 0x03]);
        }

        /** The period byte. */
        public int toWire() {
            return unit.ordinal() << 6 | count;
        }

        /** The period as a duration. */
        public Duration duration() {
            return unit.length.multipliedBy(count);
        }
    }

    private static void check(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0.." + max + ": " + value);
        }
    }
}
