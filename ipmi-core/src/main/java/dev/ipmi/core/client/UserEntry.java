package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.UserEnableStatus;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.Objects;

/**
 * One user slot on one channel, as a row of ipmitool's {@code user list}.
 *
 * @param id                   user ID (1 = the anonymous / null user)
 * @param name                 user name, empty when unset
 * @param callin               not restricted to callback (ipmitool's "Callin" column)
 * @param linkAuthEnabled      link authentication enabled
 * @param ipmiMessagingEnabled IPMI messaging enabled
 * @param privilegeLimit       channel privilege limit (NO ACCESS when not allowed on the channel)
 * @param enableStatus         enabled / disabled, as far as the BMC says
 */
public record UserEntry(int id, String name, boolean callin, boolean linkAuthEnabled, boolean ipmiMessagingEnabled,
                        PrivilegeLevel privilegeLimit, UserEnableStatus enableStatus) {
    public UserEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(privilegeLimit, "privilegeLimit");
        Objects.requireNonNull(enableStatus, "enableStatus");
    }
}
