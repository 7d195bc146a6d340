/** Wire details of IPMI 1.5 sessions (packet layout, AuthCodes); not a public API. */
package dev.ipmi.lan.internal;
