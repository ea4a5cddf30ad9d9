package io.gridcare.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list, in the shape every GridCare list endpoint answers with. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> view) {
    return new PageResponse<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
        page.getTotalElements(), page.getTotalPages());
  }
}
