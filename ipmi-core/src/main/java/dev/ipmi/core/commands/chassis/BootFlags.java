package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * Boot flags, System Boot Options parameter 5 — IPMI v2.0 §28.13, table 28-14 (5 data bytes).
 *
 * @param valid                   data 1 bit 7: the flags are valid (BIOS acts on them)
 * @param persistent              bit 6: apply to all future boots, not only the next one
 * @param efi                     bit 5: EFI boot instead of legacy PC-compatible
 * @param clearCmos               data 2 bit 7
 * @param lockKeyboard            bit 6
 * @param device                  bits 5:2
 * @param screenBlank             bit 1
 * @param lockResetButton         bit 0
 * @param lockPowerButton         data 3 bit 7 (lock out power off / sleep via the power button)
 * @param verbosity               bits 6:5
 * @param forceProgressEventTraps bit 4
 * @param userPasswordBypass      bit 3
 * @param lockSleepButton         bit 2
 * @param consoleRedirection      bits 1:0
 * @param biosSharedModeOverride  data 4 bit 3
 * @param biosMuxControl          data 4 bits 2:0 (0 recommended setting, 1 force to BMC, 2 force to system)
 * @param deviceInstance          data 5 bits 4:0 (0 = unspecified)
 */
public record BootFlags(boolean valid, boolean persistent, boolean efi, boolean clearCmos, boolean lockKeyboard,
                        BootDevice device, boolean screenBlank, boolean lockResetButton, boolean lockPowerButton,
                        FirmwareVerbosity verbosity, boolean forceProgressEventTraps, boolean userPasswordBypass,
                        boolean lockSleepButton, ConsoleRedirection consoleRedirection,
                        boolean biosSharedModeOverride, int biosMuxControl, int deviceInstance)
        implements BootOptionParameter {

    public BootFlags {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(verbosity, "verbosity");
        Objects.requireNonNull(consoleRedirection, "consoleRedirection");
        if (biosMuxControl < 0 || biosMuxControl > 7) {
            throw new IllegalArgumentException("BIOS mux control override is 3 bits: " + biosMuxControl);
        }
        if (deviceInstance < 0 || deviceInstance > 0x1F) {
            throw new IllegalArgumentException("device instance selector is 5 bits: " + deviceInstance);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.valid = valid;
        b.persistent = persistent;
        b.efi = efi;
        b.clearCmos = clearCmos;
        b.lockKeyboard = lockKeyboard;
        b.device = device;
        b.screenBlank = screenBlank;
        b.lockResetButton = lockResetButton;
        b.lockPowerButton = lockPowerButton;
        b.verbosity = verbosity;
        b.forceProgressEventTraps = forceProgressEventTraps;
        b.userPasswordBypass = userPasswordBypass;
        b.lockSleepButton = lockSleepButton;
        b.consoleRedirection = consoleRedirection;
        b.biosSharedModeOverride = biosSharedModeOverride;
        b.biosMuxControl = biosMuxControl;
        b.deviceInstance = deviceInstance;
        return b;
    }

    /**
     * The flags ipmitool 1.8.19 writes for {@code chassis bootdev DEVICE [clear-cmos=yes]
     * [options=a,b,...]}: the valid bit is always set; options are ipmitool's names (valid,
     * persistent, efiboot, clear-cmos, lockkbd, screenblank, lockoutreset, lockout_power,
     * verbose=default|no|yes, force_pet, upw_bypass, lockout_sleep,
     * cons_redirect=default|skip|enable). Example: {@code pxe} + persistent,efiboot gives data
     * {@code E0 04 00 00 00}.
     */
    public static BootFlags ipmitoolBootdev(String device, boolean clearCmos, String... options) {
        Builder b = builder().valid(true).device(BootDevice.parseIpmitool(device)).clearCmos(clearCmos);
        for (String o : options) {
            switch (o.trim().toLowerCase(Locale.ROOT)) {
                case "valid" -> b.valid(true);
                case "persistent" -> b.persistent(true);
                case "efiboot" -> b.efi(true);
                case "clear-cmos" -> b.clearCmos(true);
                case "lockkbd" -> b.lockKeyboard(true);
                case "screenblank" -> b.screenBlank(true);
                case "lockoutreset" -> b.lockResetButton(true);
                case "lockout_power" -> b.lockPowerButton(true);
                case "verbose=default" -> b.verbosity(FirmwareVerbosity.DEFAULT);
                case "verbose=no" -> b.verbosity(FirmwareVerbosity.QUIET);
                case "verbose=yes" -> b.verbosity(FirmwareVerbosity.VERBOSE);
                case "force_pet" -> b.forceProgressEventTraps(true);
                case "upw_bypass" -> b.userPasswordBypass(true);
                case "lockout_sleep" -> b.lockSleepButton(true);
                case "cons_redirect=default" -> b.consoleRedirection(ConsoleRedirection.BIOS_SETTING);
                case "cons_redirect=skip" -> b.consoleRedirection(ConsoleRedirection.SUPPRESS);
                case "cons_redirect=enable" -> b.consoleRedirection(ConsoleRedirection.ENABLE);
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown boot option '" + o + "'");
            }
        }
        return b.build();
    }

    static BootFlags decode(ByteReader in) {
        int d1 = in.u8("boot flags data 1");
        int d2 = in.u8("boot flags data 2");
        // Some BMCs return fewer than the 5 bytes; missing bytes mean "no option set".
        int d3 = Math.max(0, in.u8OrAbsent("boot flags data 3"));
        int d4 = Math.max(0, in.u8OrAbsent("boot flags data 4"));
        int d5 = Math.max(0, in.u8OrAbsent("boot flags data 5"));
        return new BootFlags((d1 & 0x80) != 0, (d1 & 0x40) != 0, (d1 & 0x20) != 0, (d2 & 0x80) != 0,
                (d2 & 0x40) != 0, BootDevice.valueOf(d2 >>> 2), (d2 & 0x02) != 0, (d2 & 0x01) != 0,
                (d3 & 0x80) != 0, FirmwareVerbosity.valueOf(d3 >>> 5), (d3 & 0x10) != 0, (d3 & 0x08) != 0,
                (d3 & 0x04) != 0, ConsoleRedirection.valueOf(d3), (d4 & 0x08) != 0, d4 & 0x07, d5 & 0x1F);
    }

    @Override
    public int selector() {
        return BOOT_FLAGS;
    }

    @Override
    public void encodeData(ByteWriter out) {
        out.u8((valid ? 0x80 : 0) | (persistent ? 0x40 : 0) | (efi ? 0x20 : 0));
        out.u8((clearCmos ? 0x80 : 0) | (lockKeyboard ? 0x40 : 0) | (device.code() & 0x0F) << 2
                | (screenBlank ? 0x02 : 0) | (lockResetButton ? 0x01 : 0));
        out.u8((lockPowerButton ? 0x80 : 0) | (verbosity.code() & 0x03) << 5 | (forceProgressEventTraps ? 0x10 : 0)
                | (userPasswordBypass ? 0x08 : 0) | (lockSleepButton ? 0x04 : 0) | (consoleRedirection.code() & 0x03));
        out.u8((biosSharedModeOverride ? 0x08 : 0) | biosMuxControl);
        out.u8(deviceInstance);
    }

    /** Mutable builder; everything defaults to off / no override / defaults. */
    public static final class Builder {
        private boolean valid;
        private boolean persistent;
        private boolean efi;
        private boolean clearCmos;
        private boolean lockKeyboard;
        private BootDevice device = BootDevice.NO_OVERRIDE;
        private boolean screenBlank;
        private boolean lockResetButton;
        private boolean lockPowerButton;
        private FirmwareVerbosity verbosity = FirmwareVerbosity.DEFAULT;
        private boolean forceProgressEventTraps;
        private boolean userPasswordBypass;
        private boolean lockSleepButton;
        private ConsoleRedirection consoleRedirection = ConsoleRedirection.BIOS_SETTING;
        private boolean biosSharedModeOverride;
        private int biosMuxControl;
        private int deviceInstance;

        private Builder() {}

        public Builder valid(boolean v) {
            valid = v;
            return this;
        }

        public Builder persistent(boolean v) {
            persistent = v;
            return this;
        }

        public Builder efi(boolean v) {
            efi = v;
            return this;
        }

        public Builder clearCmos(boolean v) {
            clearCmos = v;
            return this;
        }

        public Builder lockKeyboard(boolean v) {
            lockKeyboard = v;
            return this;
        }

        public Builder device(BootDevice v) {
            device = Objects.requireNonNull(v, "device");
            return this;
        }

        public Builder screenBlank(boolean v) {
            screenBlank = v;
            return this;
        }

        public Builder lockResetButton(boolean v) {
            lockResetButton = v;
            return this;
        }

        public Builder lockPowerButton(boolean v) {
            lockPowerButton = v;
            return this;
        }

        public Builder verbosity(FirmwareVerbosity v) {
            verbosity = Objects.requireNonNull(v, "verbosity");
            return this;
        }

        public Builder forceProgressEventTraps(boolean v) {
            forceProgressEventTraps = v;
            return this;
        }

        public Builder userPasswordBypass(boolean v) {
            userPasswordBypass = v;
            return this;
        }

        public Builder lockSleepButton(boolean v) {
            lockSleepButton = v;
            return this;
        }

        public Builder consoleRedirection(ConsoleRedirection v) {
            consoleRedirection = Objects.requireNonNull(v, "consoleRedirection");
            return this;
        }

        public Builder biosSharedModeOverride(boolean v) {
            biosSharedModeOverride = v;
            return this;
        }

        public Builder biosMuxControl(int v) {
            biosMuxControl = v;
            return this;
        }

        public Builder deviceInstance(int v) {
            deviceInstance = v;
            return this;
        }

        public BootFlags build() {
            return new BootFlags(valid, persistent, efi, clearCmos, lockKeyboard, device, screenBlank,
                    lockResetButton, lockPowerButton, verbosity, forceProgressEventTraps, userPasswordBypass,
                    lockSleepButton, consoleRedirection, biosSharedModeOverride, biosMuxControl, deviceInstance);
        }
    }
}
