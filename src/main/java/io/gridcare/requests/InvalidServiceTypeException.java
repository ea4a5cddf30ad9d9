package io.gridcare.requests;

import java.util.List;

/** A service that cannot be saved into the catalog, with every problem found in it. Nothing was saved. */
public class InvalidServiceTypeException extends RuntimeException {

  private final transient List<CatalogProblem> problems;

  public InvalidServiceTypeException(List<CatalogProblem> problems) {
    super("Dịch vụ không hợp lệ / Invalid service: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<CatalogProblem> problems() {
    return problems;
  }
}
