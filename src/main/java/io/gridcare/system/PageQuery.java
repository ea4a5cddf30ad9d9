package io.gridcare.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The {@code page} (from 0) and {@code size} query parameters every list endpoint takes. Out-of-range values are
 * a 400 naming the parameter, not silently corrected.
 */
public record PageQuery(@PositiveOrZero Integer page, @Min(1) @Max(MAX_SIZE) Integer size) {

  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 20;

  public PageQuery {
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }

  public PageRequest toPageRequest(Sort sort) {
    return PageRequest.of(page, size, sort);
  }
}
