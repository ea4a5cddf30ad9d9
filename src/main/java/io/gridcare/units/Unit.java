package io.gridcare.units;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A Power Company of a power corporation, e.g. {@code PD01} Hoàn Kiếm of EVNHANOI. Customer codes start with it.
 */
public record Unit(@Id String code, String name, String corporation, @Version Integer version) {

  public Unit withDetails(String name, String corporation) {
    return new Unit(code, name, corporation, version);
  }
}
