package io.gridcare.sandbox.web;

import java.util.List;

import io.gridcare.system.PageQuery;
import io.gridcare.system.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

/** A page of an in-memory list, in the shape of every GridCare list. */
final class SandboxPages {

  /** Characters of a message's text shown in a list. */
  static final int EXCERPT = 200;

  private SandboxPages() {
  }

  static <T> PageResponse<T> of(List<T> all, PageQuery query) {
    PageRequest request = PageRequest.of(query.page(), query.size());
    int from = (int) Math.min(request.getOffset(), all.size());
    int to = Math.min(from + query.size(), all.size());
    return PageResponse.of(new PageImpl<>(all.subList(from, to), request, all.size()), item -> item);
  }

  static String excerpt(String text) {
    if (text == null) {
      return null;
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
  }
}
