package io.gridcare.notifications;

import java.time.Instant;

/** A version in a template's history, without its texts. */
public record NoticeTemplateVersion(int version, String comment, String createdBy, Instant createdAt) {
}
