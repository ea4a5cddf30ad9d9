package io.gridcare.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.units.Unit;
import io.gridcare.units.Units;
import org.springframework.stereotype.Component;

/**
 * Derives customers' profiles again from the source records PostgreSQL holds, re-evaluates their segments where
 * the inputs changed, and keeps only what really changed: profile, segment history, and the search outbox. Both
 * ingestion (after new records) and the refresh runs (the date moved, the decisions changed) come through here.
 * Callers hold the customers' locks in a transaction.
 */
@Component
class ProfileUpdates {

  private final CustomerStore store;
  private final Segmentation segmentation;
  private final Units units;
  private final ObjectMapper json;
  private final Clock clock;
  private final ProfileAssembler assembler;

  ProfileUpdates(CustomerStore store, Segmentation segmentation, Units units, ObjectMapper json, Clock clock) {
    this.store = store;
    this.segmentation = segmentation;
    this.units = units;
    this.json = json;
    this.clock = clock;
    this.assembler = new ProfileAssembler(clock);
  }

  /** What changed: profiles written (their JSON or segment fingerprint differed), and customers who moved groups. */
  record Changes(List<String> profiles, Set<String> segments) {
  }

  Changes update(List<String> codes) {
    if (codes.isEmpty()) {
      return new Changes(List.of(), Set.of());
    }
    Map<String, Unit> unitsByCode = units.findAll().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    Map<String, Map<Source, String>> payloads = store.records(codes);
    Segmentation.Evaluator segments = segmentation.current();
    Map<String, String> evaluated = store.segmentInputs(codes);
    Map<String, List<SegmentMembership>> current = store.currentSegments(codes);
    // assembling and evaluating is pure CPU work on data already read: spread it over the cores
    List<Derived> derived = codes.parallelStream().filter(payloads::containsKey)
        .map(code -> derive(code, payloads.get(code), segments, unitsByCode, evaluated.get(code))).toList();
    List<CustomerStore.SavedProfile> profiles = new ArrayList<>();
    List<CustomerStore.GroupChange> entering = new ArrayList<>();
    List<CustomerStore.GroupChange> leaving = new ArrayList<>();
    Set<String> moved = new LinkedHashSet<>();
    for (Derived customer : derived) {
      profiles.add(customer.saved());
      if (customer.segments() != null
          && diff(customer.saved().code(), customer.segments(), current.getOrDefault(customer.saved().code(), List.of()),
          entering, leaving)) {
        moved.add(customer.saved().code());
      }
    }
    List<String> changed = store.saveProfiles(profiles);
    Instant at = clock.instant();
    store.leave(leaving, at);
    store.enter(entering, at);
    store.queueForIndex(changed);
    return new Changes(changed, moved);
  }

  /** A customer's profile as it should be stored, and its groups if the decisions had to run (null otherwise). */
  private record Derived(CustomerStore.SavedProfile saved, Segmentation.Segments segments) {
  }

  private Derived derive(String code, Map<Source, String> payloads, Segmentation.Evaluator segments,
      Map<String, Unit> unitsByCode, String lastFingerprint) {
    CustomerProfile profile = assembler.assemble(code, readAll(payloads));
    Unit unit = unitsByCode.get(profile.unitCode());
    boolean urban = unit != null && unit.urban();
    String fingerprint = segments.fingerprint(profile, urban);
    CustomerStore.SavedProfile saved = new CustomerStore.SavedProfile(code, profile.unitCode(), write(profile),
        profile.updatedAt(), fingerprint);
    return new Derived(saved, fingerprint.equals(lastFingerprint) ? null : segments.evaluate(profile, urban));
  }

  /**
   * Adds the groups to enter and to leave so that the customer is in exactly the ones it belongs to now; answers
   * whether there were any.
   */
  private static boolean diff(String code, Segmentation.Segments now, List<SegmentMembership> current,
      List<CustomerStore.GroupChange> entering, List<CustomerStore.GroupChange> leaving) {
    Set<CustomerStore.GroupChange> wanted = new LinkedHashSet<>();
    if (now.corporate() != null) {
      wanted.add(new CustomerStore.GroupChange(code, SegmentMembership.CORPORATE, now.corporate()));
    }
    now.regional().forEach(group -> wanted.add(new CustomerStore.GroupChange(code, SegmentMembership.REGIONAL, group)));
    boolean moved = false;
    for (SegmentMembership membership : current) {
      CustomerStore.GroupChange held = new CustomerStore.GroupChange(code, membership.kind(), membership.segment());
      if (!wanted.remove(held)) {
        leaving.add(held);
        moved = true;
      }
    }
    entering.addAll(wanted);
    return moved || !wanted.isEmpty();
  }

  private Map<Source, SourceRecords.SourceRecord> readAll(Map<Source, String> payloads) {
    Map<Source, SourceRecords.SourceRecord> records = new EnumMap<>(Source.class);
    payloads.forEach((source, payload) -> {
      try {
        records.put(source, json.readValue(payload, source.recordType()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Stored " + source + " record no longer reads", e);
      }
    });
    return records;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
