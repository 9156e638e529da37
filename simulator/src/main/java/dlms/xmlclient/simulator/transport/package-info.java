/**
 * How a meter is reached: TCP (one selector, connections, per-meter lanes, many meters on one
 * port routed by HDLC address), UDP and serial ports, the IEC 62056-21 mode E opening, and
 * just enough of the HDLC and WRAPPER frames to split, address and rewrite them.
 */
package dlms.xmlclient.simulator.transport;
