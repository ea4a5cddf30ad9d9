package io.gridcare.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text shown to customers and staff, Vietnamese first; English falls back to Vietnamese when missing. */
public record Label(@NotBlank @Size(max = 300) String vi, @Size(max = 300) String en) {

  public Label {
    if (en == null || en.isBlank()) {
      en = vi;
    }
  }
}
