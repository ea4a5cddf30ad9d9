package io.gridcare.notifications.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS brandname channel: one SMPP 3.4 transceiver session to the operator's (or aggregator's) SMSC.
 *
 * @param host                the SMSC; empty: the channel is not configured and every message is not sent
 * @param systemId            the account's system id (at most 15 characters)
 * @param password            its password (at most 8 characters, as SMPP 3.4 allows)
 * @param sourceAddress       the brandname the operators registered: at most 11 letters, digits or spaces
 * @param window              submit_sm sent without waiting for earlier responses, at most this many at once
 * @param submitTimeout       how long one submit_sm may wait for its response
 * @param enquireLinkInterval an idle session sends enquire_link this often, so a dead link is noticed
 * @param reconnectDelay      a dropped session is bound again after this
 * @param maxSegments         longer messages are refused rather than sent at this many segments' cost
 */
@ConfigurationProperties("gridcare.channels.sms")
record SmsProperties(String host, @DefaultValue("2775") int port, @DefaultValue("gridcare") String systemId,
                     @DefaultValue("") String password, @DefaultValue("EVNHANOI") String sourceAddress,
                     @DefaultValue("50") int window, @DefaultValue("10s") Duration submitTimeout,
                     @DefaultValue("30s") Duration enquireLinkInterval, @DefaultValue("5s") Duration reconnectDelay,
                     @DefaultValue("10") int maxSegments) {

  SmsProperties {
    host = host == null ? "" : host.strip();
    // SMPP 3.4's own limits: jsmpp would refuse the bind on every attempt instead
    if (systemId == null || systemId.length() > 15) {
      throw new IllegalArgumentException("gridcare.channels.sms.system-id must have at most 15 characters");
    }
    if (password == null || password.length() > 8) {
      throw new IllegalArgumentException("gridcare.channels.sms.password must have at most 8 characters");
    }
    if (sourceAddress == null || !sourceAddress.matches("[A-Za-z0-9 ._-]{1,11}")) {
      throw new IllegalArgumentException("gridcare.channels.sms.source-address must be a brandname of 1 to 11 "
          + "letters, digits, spaces, '.', '_' or '-'");
    }
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException("gridcare.channels.sms.window must be between 1 and 1000");
    }
    if (maxSegments < 1 || maxSegments > 255) {
      throw new IllegalArgumentException("gridcare.channels.sms.max-segments must be between 1 and 255");
    }
  }

  boolean configured() {
    return !host.isEmpty();
  }
}
