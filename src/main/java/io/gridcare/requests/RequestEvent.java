package io.gridcare.requests;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One step of a request's timeline. {@code actor} is the staff member or system, never shown to customers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestEvent(Instant at, RequestStatus status, Label note, String actor) {
}
