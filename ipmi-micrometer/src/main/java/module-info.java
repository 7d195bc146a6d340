/** Micrometer meters for {@code IpmiFleet} events (optional). */
module dev.ipmi.micrometer {
    requires transitive dev.ipmi.core;
    requires transitive micrometer.core;

    exports dev.ipmi.micrometer;
}
