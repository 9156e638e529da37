/**
 * Where the simulator writes: the frame trace (a Low password masked) and log lines by level,
 * never a key or secret.
 */
package dlms.xmlclient.simulator.log;
