/**
 * The sandbox: loopback stand-ins for the channels' providers (Zalo ZNS, an SMSC, a mail server, FCM) so that a local
 * run and the tests exercise the real protocols without reaching anyone. On with {@code gridcare.sandbox.enabled}
 * (the local default); production sets it false.
 */
package io.gridcare.sandbox;
