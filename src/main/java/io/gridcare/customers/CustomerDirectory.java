package io.gridcare.customers;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads customers as PostgreSQL holds them. */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

  private final CustomerStore store;
  private final ObjectMapper json;

  CustomerDirectory(CustomerStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  /** The customer if this viewer may see it (the same empty answer otherwise: no probing for codes). */
  public Optional<CustomerView> find(String code, Viewer viewer) {
    if (!viewer.maySee(ProfileAssembler.unitOf(code))) {
      return Optional.empty();
    }
    return store.profile(code).map(stored -> {
      CustomerProfile profile = read(stored);
      List<SegmentMembership> history = store.segmentHistory(code);
      List<SegmentMembership> current = history.stream().filter(stay -> stay.leftAt() == null).toList();
      return new CustomerView(viewer.personalData() ? profile : Masking.profile(profile),
          current.stream().filter(stay -> stay.kind().equals(SegmentMembership.CORPORATE))
              .map(SegmentMembership::segment).findFirst().orElse(null),
          current.stream().filter(stay -> stay.kind().equals(SegmentMembership.REGIONAL))
              .map(SegmentMembership::segment).toList(),
          history);
    });
  }

  public List<SegmentCount> segmentCounts() {
    return store.segmentCounts();
  }

  private CustomerProfile read(String profile) {
    try {
      return json.readValue(profile, CustomerProfile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored profile no longer reads", e);
    }
  }
}
