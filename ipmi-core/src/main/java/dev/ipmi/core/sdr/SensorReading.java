package dev.ipmi.core.sdr;

import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.types.CompletionCode;
import java.util.List;
import java.util.Objects;

/**
 * A sensor's reading interpreted with its SDR. A value is only ever reported when the BMC says it
 * is valid: "reading unavailable", "scanning disabled" and "sensor not present" are their own
 * cases, never a 0.
 */
public sealed interface SensorReading {

    SensorRecord sensor();

    /** ipmitool's "ok"/"ns"-style status for list views: threshold status text, "ok" or "ns". */
    String statusText();

    /**
     * A numeric reading.
     *
     * @param raw        raw byte
     * @param value      converted value (NaN when the conversion is undefined at this raw value)
     * @param status     threshold state (OK for non-threshold sensors with a numeric value)
     * @param stateBits  the comparison / state bits as received (threshold bits or discrete states)
     */
    record Analog(SensorRecord sensor, int raw, double value, ThresholdStatus status, int stateBits,
                  String units) implements SensorReading {
        @Override
        public String statusText() {
            return sensor.isThreshold() ? status.shortText() : "ok";
        }
    }

    /**
     * A discrete (state) reading.
     *
     * @param raw       raw reading byte (often meaningless for discrete sensors)
     * @param stateBits the 15 state bits; bit n = offset n
     */
    record Discrete(SensorRecord sensor, int raw, int stateBits) implements SensorReading {
        /** The asserted states named as ipmitool names them. */
        public List<String> stateTexts() {
            return EventText.states(sensor.eventReadingType(), sensor.sensorType(), stateBits);
        }

        @Override
        public String statusText() {
            return "ok";
        }
    }

    /** The BMC set "reading/state unavailable" (initial update in progress, or no reading). */
    record Unavailable(SensorRecord sensor) implements SensorReading {
        @Override
        public String statusText() {
            return "ns";
        }
    }

    /** The BMC reports that it is not scanning this sensor. */
    record ScanningDisabled(SensorRecord sensor) implements SensorReading {
        @Override
        public String statusText() {
            return "ns";
        }
    }

    /** Get Sensor Reading failed with a "not present" completion code (CBh, CDh, D3h) or the sensor has no reading. */
    record NotPresent(SensorRecord sensor, CompletionCode code) implements SensorReading {
        @Override
        public String statusText() {
            return "ns";
        }
    }

    /**
     * Interprets a Get Sensor Reading response.
     *
     * @param conversion the conversion to use (the record's, or one with factors from Get Sensor
     *                   Reading Factors for non-linear sensors); ignored for compact/event-only records
     */
    static SensorReading of(SensorRecord sensor, GetSensorReading.Response r, SensorConversion conversion) {
        Objects.requireNonNull(sensor, "sensor");
        if (!r.scanningEnabled()) {
            return new ScanningDisabled(sensor);
        }
        if (r.readingUnavailable()) {
            return new Unavailable(sensor);
        }
        int states = r.discreteStates();
        if (sensor instanceof SdrRecord.FullSensor full && conversion != null && conversion.isNumeric()) {
            ThresholdStatus status = full.isThreshold() ? ThresholdStatus.of(r.state1().orElse(0)) : ThresholdStatus.OK;
            return new Analog(sensor, r.raw(), conversion.convert(r.raw()), status, states,
                    full.units().ipmitoolText());
        }
        return new Discrete(sensor, r.raw(), states);
    }

    static SensorReading of(SensorRecord sensor, GetSensorReading.Response r) {
        return of(sensor, r, sensor instanceof SdrRecord.FullSensor f ? f.conversion() : null);
    }
}
