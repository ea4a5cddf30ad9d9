package io.gridcare.sandbox;

import java.time.Instant;

/**
 * One SMS the sandbox SMSC took, its parts joined.
 *
 * @param phone     the recipient in E.164
 * @param sender    the brandname it came from
 * @param encoding  {@code GSM-7}, {@code UCS-2}, or the data_coding in hex
 * @param segments  how many parts it came in
 * @param messageId the SMSC id of its first part, the one the sender reports
 */
public record SandboxSms(Instant at, String phone, String sender, String text, String encoding, int segments,
                         String messageId) {
}
