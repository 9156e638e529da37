/**
 * Fault injection: how a meter started with a {@code --fault} misbehaves, and the broken frames
 * and APDUs it sends.
 */
package dlms.xmlclient.simulator.faults;
