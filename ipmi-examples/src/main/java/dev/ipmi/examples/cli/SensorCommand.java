package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.Threshold;
import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.sensor.SetSensorThresholds;
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
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sensor list|get <name>…|thresh <name> <threshold> <value>|thresh <name> upper|lower <v1> <v2> <v3>},
 * as ipmitool 1.8.19.
 */
@Command(name = "sensor", description = "Sensors: list, get, thresh.")
final class SensorCommand extends CliCommand implements Runnable {
    /** The columns of an ipmitool sensor list line, as JSON keys. */
    static final String[] LIST_KEYS = {"name", "value", "unit", "status", "lnr", "lcr", "lnc", "unc", "ucr", "unr"};

    /** {@code sensor} alone lists the sensors, as ipmitool does. */
    @Override
    public void run() {
        list();
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
    void list() {
        PrintWriter out = out();
        IpmiClient bmc = client();
        List<Object> json = new ArrayList<>();
        try {
            SdrScan scan = SdrCommand.scan(options(), bmc, err());
            try (Progress p = Progress.start(err(), "Reading sensors")) {
                for (SensorRecord s : scan.sensors()) {
                    if (s instanceof SdrRecord.FullSensor || s instanceof SdrRecord.CompactSensor) {
                        String line = IpmitoolFormat.sensorList(bmc.sensors().read(s), thresholds(bmc, s));
                        if (json()) {
                            json.add(Json.columns(line, LIST_KEYS));
                        } else {
                            out.println(line);
                        }
                        p.step();
                    }
                }
            }
            printJson(json);
        } finally {
            out.flush();
        }
    }

    @Command(name = "get", description = "Detailed reading of the named sensors (as ipmitool sensor get).")
    int get(@Parameters(arity = "1..*", paramLabel = "name") List<String> names) {
        PrintWriter out = out();
        PrintWriter err = err();
        boolean failed = false;
        List<Object> json = new ArrayList<>();
        if (!json()) {
            out.println("Locating sensor record...");
        }
        IpmiClient bmc = client();
        try {
            SdrScan scan = SdrCommand.scan(options(), bmc, err);
            for (String name : names) {
                Optional<SensorRecord> s = scan.sensors().stream().filter(r -> r.name().equals(name)).findFirst();
                if (s.isEmpty()) {
                    out.flush();
                    err.printf("Sensor data record \"%s\" not found!%n", name);
                    err.flush();
                    failed = true;
                    continue;
                }
                if (json()) {
                    json.add(Json.fields(detail(bmc, s.get())));
                } else {
                    print(bmc, s.get(), out);
                }
            }
            printJson(json);
        } finally {
            out.flush();
        }
        return failed ? 1 : 0;
    }

    static List<String> detail(IpmiClient bmc, SensorRecord s) {
        SensorReading r = bmc.sensors().read(s);
        GetSensorEventEnable.Response enable = null;
        OptionalInt assertions = OptionalInt.empty();
        if (s.isThreshold()) {
            // like ipmitool: lines whose command the BMC refuses are left out
            try {
                assertions = OptionalInt.of(bmc.sensors().eventStatus(s).assertions());
            } catch (CompletionCodeException e) {
                // Get Sensor Event Status is optional (ipmi_sim answers C1h)
            }
            try {
                enable = bmc.sensors().eventEnables(s);
            } catch (CompletionCodeException e) {
                // optional as well
            }
        }
        return IpmitoolText.sensorGet(s, r, thresholds(bmc, s), enable, assertions);
    }

    static void print(IpmiClient bmc, SensorRecord s, PrintWriter out) {
        detail(bmc, s).forEach(out::println);
        out.println();
    }

    /**
     * Sets one threshold. The facade refuses a threshold the record marks as not settable; ipmitool
     * asks the BMC anyway and reports its answer, so for those the CLI sends the request itself.
     */
    private static void set(IpmiClient bmc, FullSensor f, Threshold t, double value) {
        if ((f.settableThresholds() & t.bit()) != 0) {
            bmc.sensors().setThreshold(f, t, value);
            return;
        }
        int[] raw = new int[6];
        raw[Integer.numberOfTrailingZeros(t.bit())] = f.conversion().toRaw(value);
        bmc.execute(new SetSensorThresholds.Request(f.key().sensorNumber(), t.bit(), raw[0], raw[1], raw[2], raw[3],
                raw[4], raw[5]));
    }

    @Command(name = "thresh", description = "Set thresholds: thresh <name> <lnr|lcr|lnc|unc|ucr|unr> <value>, "
            + "thresh <name> upper <unc> <ucr> <unr>, thresh <name> lower <lnr> <lcr> <lnc>.")
    int thresh(@Parameters(index = "0", paramLabel = "name") String name,
               @Parameters(index = "1", paramLabel = "threshold|upper|lower") String which,
               @Parameters(index = "2..*", arity = "1..*", paramLabel = "value") List<String> values) {
        textOnly("sensor thresh");
        List<Threshold> thresholds;
        // the names ipmitool 1.8.19 gives each value of the three-value forms in its errors (its lower
        // form names them in the reverse order of the values it sets)
        List<String> labels;
        if (which.equals("upper") || which.equals("lower")) {
            if (values.size() < 3) {
                throw new CliException("usage: sensor thresh <id> " + which + (which.equals("upper")
                        ? " <unc> <ucr> <unr>" : " <lnr> <lcr> <lnc>"));
            }
            thresholds = which.equals("upper") ? List.of(Threshold.UNC, Threshold.UCR, Threshold.UNR)
                    : List.of(Threshold.LNR, Threshold.LCR, Threshold.LNC);
            labels = which.equals("upper") ? List.of("unc", "ucr", "unr") : List.of("lnc", "lcr", "lnr");
        } else {
            try {
                thresholds = List.of(Threshold.parse(which));
            } catch (IllegalArgumentException e) {
                throw new CliException("Valid threshold '" + which + "' for sensor '" + name + "' not specified!");
            }
            labels = List.of(which + " threshold value");
        }
        double[] v = new double[thresholds.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                throw new CliException("Given " + labels.get(i) + " '" + values.get(i) + "' is invalid.");
            }
        }
        PrintWriter out = out();
        out.printf("Locating sensor record '%s'...%n", name);
        IpmiClient bmc = client();
        int rc = 0;
        try {
            Optional<SensorRecord> s = bmc.sensors().find(name);
            if (s.isEmpty()) {
                out.flush();
                throw new CliException("Sensor data record not found!");
            }
            if (!(s.get() instanceof FullSensor f) || !f.isThreshold()) {
                out.flush();
                throw new CliException(String.format("Invalid sensor type %02x", s.get().recordType()));
            }
            // like ipmitool: one Set Sensor Thresholds per value, each announced first, a refusal
            // reported and the next value still tried
            for (int i = 0; i < v.length; i++) {
                out.printf("Setting sensor \"%s\" %s threshold to %s%n", name, thresholds.get(i).longName(),
                        IpmitoolFormat.fixed(v[i], 3));
                out.flush();
                try {
                    set(bmc, f, thresholds.get(i), v[i]);
                } catch (CompletionCodeException e) {
                    err().println("Error setting threshold: " + e.code().description());
                    err().flush();
                    rc = 1;
                }
            }
        } finally {
            out.flush();
        }
        return rc;
    }
}
