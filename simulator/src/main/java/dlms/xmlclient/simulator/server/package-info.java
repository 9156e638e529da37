/**
 * The meter's DLMS server over gurux.dlms: one client at a time, associations and access
 * rights, short names, and what a meter does that gurux.dlms 4.0.47 does not (replay
 * protection and ciphering checks, a guard against deep nesting, replies put right).
 */
package dlms.xmlclient.simulator.server;
