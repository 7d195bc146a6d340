package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.Threshold;
import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorEventStatus;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReading;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sensor list|get <name>…|thresh <name> <threshold> <value>}, as ipmitool 1.8.19. */
@Command(name = "sensor", description = "Sensors: list, get, thresh.",
        subcommands = {SensorCommand.ListCmd.class, SensorCommand.Get.class, SensorCommand.Thresh.class})
final class SensorCommand implements Runnable {
    /** Threshold names of the assertion/deassertion masks of threshold sensors, bit 0 first. */
    private static final String[] EVENT_BITS = {"lnc-", "lnc+", "lcr-", "lcr+", "lnr-", "lnr+", "unc-", "unc+",
        "ucr-", "ucr+", "unr-", "unr+"};

    @ParentCommand
    IpmiCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code sensor} alone lists the sensors, as ipmitool does. */
    @Override
    public void run() {
        ListCmd.list(root, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Thresholds of a threshold sensor whose record says they can be read, else null. */
    static GetSensorThresholds.Response thresholds(IpmiClient bmc, SensorRecord s) {
        if (s instanceof FullSensor f && f.isThreshold() && f.thresholdAccess() != 0) {
            return bmc.sensors().thresholds(f).raw();
        }
        return null;
    }

    @Command(name = "list",
            description = "Every sensor with reading, units, status and thresholds (as ipmitool sensor list).")
    static final class ListCmd implements Runnable {
        @ParentCommand
        SensorCommand sensor;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            list(sensor.root, spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        static void list(IpmiCli root, PrintWriter out, PrintWriter err) {
            try (IpmiClient bmc = Facade.connect(root)) {
                SdrScan scan = SdrCommand.scan(root, bmc, err);
                try (Progress p = Progress.start(err, "Reading sensors")) {
                    for (SensorRecord s : scan.sensors()) {
                        if (s instanceof SdrRecord.FullSensor || s instanceof SdrRecord.CompactSensor) {
                            out.println(IpmitoolFormat.sensorList(bmc.sensors().read(s), thresholds(bmc, s)));
                            p.step();
                        }
                    }
                }
            } finally {
                out.flush();
            }
        }
    }

    @Command(name = "get", description = "Detailed reading of the named sensors (as ipmitool sensor get).")
    static final class Get implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        SensorCommand sensor;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "name")
        List<String> names;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean failed = false;
            out.println("Locating sensor record...");
            try (IpmiClient bmc = Facade.connect(sensor.root)) {
                SdrScan scan = SdrCommand.scan(sensor.root, bmc, err);
                for (String name : names) {
                    Optional<SensorRecord> s = scan.sensors().stream().filter(r -> r.name().equals(name)).findFirst();
                    if (s.isEmpty()) {
                        out.flush();
                        err.printf("Sensor data record \"%s\" not found!%n", name);
                        err.flush();
                        failed = true;
                        continue;
                    }
                    print(bmc, s.get(), out);
                }
            } finally {
                out.flush();
            }
            return failed ? 1 : 0;
        }

        static void print(IpmiClient bmc, SensorRecord s, PrintWriter out) {
            SensorReading r = bmc.sensors().read(s);
            GetSensorEventEnable.Response enable = null;
            List<String> extra = new ArrayList<>();
            if (s.isThreshold()) {
                // like ipmitool: lines whose command the BMC refuses are left out
                try {
                    GetSensorEventStatus.Response st = bmc.sensors().eventStatus(s);
                    extra.add(" Assertion Events      : " + events(st.assertions()));
                } catch (CompletionCodeException e) {
                    // Get Sensor Event Status is optional (ipmi_sim answers C1h)
                }
                try {
                    enable = bmc.sensors().eventEnables(s);
                    if ((enable.flags() & 0x80) == 0) {
                        extra.add(" Event Enable          : Event Messages Disabled");
                    }
                } catch (CompletionCodeException e) {
                    // optional as well
                }
            }
            List<String> lines = new ArrayList<>(IpmitoolFormat.sensorGet(r, thresholds(bmc, s), enable));
            int at = 0;
            while (at < lines.size() && !lines.get(at).startsWith(" Assertions Enabled")) {
                at++;
            }
            lines.addAll(at, extra);
            if (!s.isThreshold() && !(r instanceof SensorReading.Discrete)) {
                lines.add(" Unable to read sensor: Device Not Present");
            }
            lines.forEach(out::println);
            out.println();
        }

        private static String events(int mask) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < EVENT_BITS.length; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    b.append(EVENT_BITS[bit]).append(' ');
                }
            }
            return b.toString();
        }
    }

    @Command(name = "thresh", description = "Set one threshold: thresh <name> <lnr|lcr|lnc|unc|ucr|unr> <value>.")
    static final class Thresh implements Runnable {
        @ParentCommand
        SensorCommand sensor;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "name")
        String name;
        @Parameters(index = "1", paramLabel = "threshold")
        String threshold;
        @Parameters(index = "2", paramLabel = "value")
        String value;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Threshold t;
            try {
                t = Threshold.parse(threshold);
            } catch (IllegalArgumentException e) {
                throw new CliException("Valid threshold '" + threshold + "' for sensor '" + name + "' not specified!");
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new CliException("Given " + threshold + " threshold value '" + value + "' is invalid.");
            }
            out.printf("Locating sensor record '%s'...%n", name);
            try (IpmiClient bmc = Facade.connect(sensor.root)) {
                Optional<SensorRecord> s = bmc.sensors().find(name);
                if (s.isEmpty()) {
                    out.flush();
                    throw new CliException("Sensor data record not found!");
                }
                if (!(s.get() instanceof FullSensor f) || !f.isThreshold()) {
                    out.flush();
                    throw new CliException(String.format("Invalid sensor type %02x", s.get().recordType()));
                }
                out.printf("Setting sensor \"%s\" %s threshold to %s%n", name, t.longName(),
                        IpmitoolFormat.fixed(v, 3));
                out.flush();
                bmc.sensors().setThreshold(f, t, v);
            } finally {
                out.flush();
            }
        }
    }
}
