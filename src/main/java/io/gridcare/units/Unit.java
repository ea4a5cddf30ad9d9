package io.gridcare.units;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A Power Company of a power corporation, e.g. {@code PD01} Hoàn Kiếm of EVNHANOI. Customer codes start with it.
 * {@code urban}: it serves inner-city districts (customer segmentation tells urban from rural households by it).
 */
public record Unit(@Id String code, String name, String corporation, boolean urban, @Version Integer version) {

  public Unit withDetails(String name, String corporation, boolean urban) {
    return new Unit(code, name, corporation, urban, version);
  }
}
