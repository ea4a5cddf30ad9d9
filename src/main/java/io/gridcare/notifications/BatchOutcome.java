package io.gridcare.notifications;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a channel worker reports for one message of a batch: {@code ACCEPTED} (with the channel's message id,
 * SMS segments, and whether acceptance is delivery), {@code REJECTED} (the recipient moves on; dead addresses are
 * dropped) or {@code NOT_SENT} (try again later). {@code address} is where it was sent, for the price.
 */
public record BatchOutcome(@NotBlank @Size(max = 48) String deliveryKey, @NotNull Kind outcome,
                           @Size(max = 128) String providerMessageId, Integer segments, Boolean delivered,
                           @Size(max = 64) String code, @Size(max = 500) String reason,
                           @Size(max = 10) List<@Size(max = 4096) String> deadAddresses, @Size(max = 254) String address) {

  public enum Kind { ACCEPTED, REJECTED, NOT_SENT }
}
