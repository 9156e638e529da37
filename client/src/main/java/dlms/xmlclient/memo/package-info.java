/**
 * Results of pure functions kept across the meters of a run. A fleet's meters of one model
 * send the same requests and mostly get the same replies, so translating, decoding and
 * judging each reply anew for every meter repeats work whose answer is already known.
 * Depends on nothing of ours.
 */
package dlms.xmlclient.memo;
