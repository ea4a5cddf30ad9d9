/**
 * Loopback peers for local runs and tests: stand-ins for the channel providers (an SMSC, an SMTP server, HTTP stubs
 * for Zalo and FCM), started with {@code gridcare.sandbox.enabled}, which production sets false.
 */
package io.gridcare.sandbox;
