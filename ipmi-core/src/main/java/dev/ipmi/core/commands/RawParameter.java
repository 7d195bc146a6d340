package dev.ipmi.core.commands;

import dev.ipmi.core.commands.chassis.BootOptionParameter;
import dev.ipmi.core.commands.dcmi.DcmiCapabilityParameter;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * A configuration parameter this library has no typed record for (reserved, newer or OEM selectors),
 * carried as the data bytes the BMC sent. One type serves every parameter family; {@link #family()}
 * says which one, and the factories on each family ({@link LanParameter#raw}, {@link SolParameter#raw},
 * {@link BootOptionParameter#raw}, {@link DcmiCapabilityParameter#raw}) refuse a selector outside the
 * family's range or one that has a typed record.
 *
 * <p>The family interfaces are not sealed because a sealed interface may only permit classes of its
 * own package when the jar runs on the class path; this record is the only implementation of more
 * than one of them, and the Set commands check that a raw parameter belongs to their family.
 *
 * @param family   the parameter family the selector belongs to
 * @param selector the parameter selector, within the family's range
 * @param data     the parameter data (after the selector in Set, after the revision in Get)
 */
public record RawParameter(ParameterFamily family, int selector, ByteString data)
        implements LanParameter, SolParameter, BootOptionParameter, DcmiCapabilityParameter {

    public RawParameter {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(data, "data");
        family.checkRawSelector(selector);
    }

    @Override
    public void encodeData(ByteWriter out) {
        out.bytes(data);
    }

    /**
     * Fails with an {@link IllegalArgumentException} naming {@code field} when {@code parameter} is a
     * raw parameter of another family, so a raw SOL parameter is never written by Set LAN Configuration.
     */
    public static void requireFamily(Object parameter, ParameterFamily expected, String field) {
        if (parameter instanceof RawParameter raw && raw.family != expected) {
            throw new IllegalArgumentException(field + " is a raw " + raw.family + " parameter, expected "
                    + expected);
        }
    }
}
