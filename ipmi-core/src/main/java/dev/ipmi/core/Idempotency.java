package dev.ipmi.core;

import dev.ipmi.core.commands.app.ColdReset;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.commands.app.WarmReset;
import dev.ipmi.core.commands.bridging.SendMessage;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.storage.AddSelEntry;
import dev.ipmi.core.commands.storage.ClearSel;
import dev.ipmi.core.commands.storage.DeleteSelEntry;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Which commands a session may send again when no reply came. A retransmission of a request whose
 * reply was lost executes the command a second time on most BMCs (ipmi_sim does, and the spec's
 * "duplicate request" completion code CFh is optional), so the request tracker retransmits only
 * commands for which a second execution does no more than the first: reads, and writes of a value
 * (Set System Boot Options, Set User Name, Write FRU Data, Chassis Control power up/down).
 *
 * <p>Not repeatable: commands that append or count (Add SEL Entry, Partial Add SEL Entry, Add SDR,
 * Platform Event), that act each time (Chassis Control power cycle, hard reset, diagnostic
 * interrupt, soft shutdown; Cold/Warm Reset; Master Write-Read), whose second run reports an error
 * for a first run that worked (Delete SEL Entry, Clear SEL, Delete SDR, Clear SDR: the first run
 * cancels the reservation or removes the record), Set User Password (except its test operation),
 * and Send Message, whose bridged request is opaque to the table (the facade's bridging passes the
 * inner request's own answer instead). Commands not listed here, OEM commands included, count as
 * repeatable; an OEM request that is not overrides {@link IpmiRequest#idempotent()}.
 */
public final class Idempotency {
    private Idempotency() {}

    /**
     * Whether executing {@code id} with {@code data} twice has the same effect and answer as once.
     * With {@code data} null, commands whose answer depends on the data (Chassis Control, Set User
     * Password) count as not repeatable.
     */
    public static boolean repeatable(CommandId id, byte[] data) {
        Objects.requireNonNull(id, "id");
        int nf = id.netFn().code();
        int cmd = id.cmd();
        if (nf == NetFn.CHASSIS.code()) {
            if (cmd == ChassisControl.ID.cmd()) {
                // power down (0) and power up (1) reach the same state when repeated; the rest act each time
                return data != null && data.length > 0 && (data[0] & 0x0F) <= 1;
            }
            return cmd != 0x03; // Chassis Reset (legacy, IPMI v1.0)
        }
        if (nf == NetFn.APP.code()) {
            if (cmd == SetUserPassword.ID.cmd()) {
                return data != null && data.length > 1 && (data[1] & 0x03) == SetUserPassword.Operation.TEST_PASSWORD.code();
            }
            return cmd != ColdReset.ID.cmd() && cmd != WarmReset.ID.cmd() && cmd != SendMessage.ID.cmd()
                    && cmd != 0x52; // Master Write-Read: an I2C write
        }
        if (nf == NetFn.STORAGE.code()) {
            return switch (cmd) {
                case 0x24, 0x25, 0x26, 0x27 -> false; // Add SDR, Partial Add SDR, Delete SDR, Clear SDR
                case 0x44, 0x45 -> false; // Add SEL Entry, Partial Add SEL Entry
                default -> cmd != DeleteSelEntry.ID.cmd() && cmd != ClearSel.ID.cmd();
            };
        }
        if (nf == NetFn.SENSOR_EVENT.code()) {
            return cmd != 0x02; // Platform Event (Event Message): logs an event each time
        }
        return true;
    }

    /**
     * {@code request} marked repeatable: the caller opts in to retransmission of a command that is
     * not (e.g. an Add SEL Entry whose record carries its own de-duplication key).
     */
    public static <R> IpmiRequest<R> assumeRepeatable(IpmiRequest<R> request) {
        Objects.requireNonNull(request, "request");
        return new IpmiRequest<>() {
            @Override
            public CommandId id() {
                return request.id();
            }

            @Override
            public void encode(ByteWriter out) {
                request.encode(out);
            }

            @Override
            public R decodeResponse(ByteReader in) {
                return request.decodeResponse(in);
            }

            @Override
            public boolean idempotent() {
                return true;
            }

            @Override
            public String toString() {
                return request + " (assumed repeatable)";
            }
        };
    }
}
