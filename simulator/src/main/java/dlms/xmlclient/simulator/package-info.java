/**
 * The simulated DLMS/COSEM meter as the client and its tests start it: {@link MeterSimulator}
 * (one meter), {@link MeterFleet} (many), their {@link SimulatorOptions} and the
 * {@link MeterFault}s a meter can show. Builds each meter from the subpackages.
 */
package dlms.xmlclient.simulator;
