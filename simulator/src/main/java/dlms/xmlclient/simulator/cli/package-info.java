/**
 * The stand-alone simulator ({@code bin/simulator}): its command line, options parsing and the
 * line it prints once listening.
 */
package dlms.xmlclient.simulator.cli;
