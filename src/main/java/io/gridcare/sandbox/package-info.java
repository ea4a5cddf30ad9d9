/**
 * Sandbox: loopback peers for local runs and tests, standing in for the channels' providers (an SMTP server, an HTTP
 * stub server for FCM and others). Started when {@code gridcare.sandbox.enabled} is true; production sets it false.
 */
package io.gridcare.sandbox;
