/**
 * Wire details of IPMI 1.5 sessions: the session header and packet codec ({@link dev.ipmi.lan.internal.Ipmi15Packet})
 * and the AuthCodes. Not a user API: shared with the sibling modules that speak the same header, the
 * RMCP+ client ({@code ipmi-lanplus}, pre-session messages) and the BMC side ({@code ipmi-bmc}).
 */
package dev.ipmi.lan.internal;
