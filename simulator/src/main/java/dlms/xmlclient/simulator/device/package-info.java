/**
 * The meter's device model: the built-in electricity meter and device files, its
 * associations, keys and security objects, and what its objects do that gurux.dlms does not
 * (a running clock, the load profile's selective access, the disconnect switch, the payment
 * objects' token entry, credit and supply control).
 */
package dlms.xmlclient.simulator.device;
