package io.gridcare.notifications;

import java.time.Instant;

/** One saved version of a notice type's template. Versions never change; saving makes the next one. */
public record NoticeTemplate(NoticeType type, int version, NoticeTemplateContent content, String comment,
                             String createdBy, Instant createdAt) {
}
