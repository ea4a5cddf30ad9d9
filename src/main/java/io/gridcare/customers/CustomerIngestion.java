package io.gridcare.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.customers.IngestionReport.Rejection;
import io.gridcare.system.JsonPaths;
import io.gridcare.units.Unit;
import io.gridcare.units.Units;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes batches of records from a source system into customer profiles. Each record is checked on its own: bad
 * ones are rejected with their reasons and the good ones of the same batch are kept. A kept record that is newer
 * than the source's previous one rebuilds the profile, re-evaluates the segments and queues the profile for the
 * search index, all in one transaction.
 */
@Service
public class CustomerIngestion {

  public static final int MAX_BATCH = 1000;

  private final CustomerStore store;
  private final ProfileUpdates profiles;
  private final Units units;
  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionTemplate transaction;

  CustomerIngestion(CustomerStore store, ProfileUpdates profiles, Units units, ObjectMapper json,
      Validator validator, TransactionTemplate transaction) {
    this.store = store;
    this.profiles = profiles;
    this.units = units;
    this.json = json;
    this.validator = validator;
    this.transaction = transaction;
  }

  public IngestionReport ingest(Source source, List<JsonNode> batch) {
    Map<String, Unit> unitsByCode = units.findAll().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    List<Rejection> rejected = new ArrayList<>();
    List<SourceRecords.SourceRecord> valid = new ArrayList<>();
    for (int row = 1; row <= batch.size(); row++) {
      List<Rejection> problems = new ArrayList<>();
      SourceRecords.SourceRecord record = read(source, batch.get(row - 1), row, problems, unitsByCode.keySet());
      if (problems.isEmpty()) {
        valid.add(record);
      }
      rejected.addAll(problems);
    }
    int[] outcomes = new int[CustomerStore.Outcome.values().length];
    if (!valid.isEmpty()) {
      transaction.executeWithoutResult(status ->
          apply(source, valid).forEach(outcome -> outcomes[outcome.ordinal()]++));
    }
    return new IngestionReport(batch.size(), outcomes[CustomerStore.Outcome.APPLIED.ordinal()],
        outcomes[CustomerStore.Outcome.UNCHANGED.ordinal()], outcomes[CustomerStore.Outcome.STALE.ordinal()],
        rejected);
  }

  private SourceRecords.SourceRecord read(Source source, JsonNode node, int row, List<Rejection> problems,
      Set<String> knownUnits) {
    String code = node.path("customerCode").asText(null);
    SourceRecords.SourceRecord record;
    try {
      record = json.treeToValue(node, source.recordType());
    } catch (JsonMappingException e) {
      problems.add(new Rejection(row, code, JsonPaths.of(e), e.getOriginalMessage()));
      return null;
    } catch (JsonProcessingException e) {
      problems.add(new Rejection(row, code, null, e.getOriginalMessage()));
      return null;
    }
    for (ConstraintViolation<SourceRecords.SourceRecord> violation : validator.validate(record)) {
      problems.add(new Rejection(row, code, violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (problems.isEmpty() && !knownUnits.contains(ProfileAssembler.unitOf(record.customerCode()))) {
      problems.add(new Rejection(row, code, "customerCode",
          "Điện lực " + ProfileAssembler.unitOf(record.customerCode()) + " không có / unknown unit"));
    }
    if (problems.isEmpty() && record instanceof SourceRecords.Crm crm) {
      return normalisePhones(crm, row, problems);
    }
    return record;
  }

  private static SourceRecords.Crm normalisePhones(SourceRecords.Crm crm, int row, List<Rejection> problems) {
    String mobile = phone(crm.mobile(), "mobile", crm, row, problems);
    String alternate = phone(crm.alternatePhone(), "alternatePhone", crm, row, problems);
    return new SourceRecords.Crm(crm.customerCode(), crm.updatedAt(), mobile, alternate, crm.email(),
        crm.openRequests(), crm.complaints12m(), crm.lastContactAt(), crm.satisfactionScore());
  }

  private static String phone(String raw, String field, SourceRecords.Crm crm, int row, List<Rejection> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return PhoneNumbers.normalise(raw).orElseGet(() -> {
      problems.add(new Rejection(row, crm.customerCode(), field,
          "Số điện thoại không hợp lệ / not a valid Vietnamese phone number"));
      return null;
    });
  }

  /**
   * Applies a batch with a handful of statements whatever its size. A customer twice in one batch counts once
   * with its newest record; the other copies are unchanged or stale.
   */
  private List<CustomerStore.Outcome> apply(Source source, List<SourceRecords.SourceRecord> records) {
    Map<String, SourceRecords.SourceRecord> newest = new LinkedHashMap<>();
    List<CustomerStore.Outcome> outcomes = new ArrayList<>();
    for (SourceRecords.SourceRecord record : records) {
      SourceRecords.SourceRecord kept = newest.get(record.customerCode());
      if (kept == null || record.updatedAt().isAfter(kept.updatedAt())) {
        newest.put(record.customerCode(), record);
        if (kept != null) {
          outcomes.add(CustomerStore.Outcome.STALE);
        }
      } else {
        outcomes.add(record.updatedAt().equals(kept.updatedAt()) ? CustomerStore.Outcome.UNCHANGED
            : CustomerStore.Outcome.STALE);
      }
    }
    store.lock(newest.keySet());
    Map<String, CustomerStore.Outcome> stored = store.put(source, List.copyOf(newest.values()), this::write);
    outcomes.addAll(stored.values());
    List<String> changed = stored.entrySet().stream().filter(e -> e.getValue() == CustomerStore.Outcome.APPLIED)
        .map(Map.Entry::getKey).sorted().toList();
    profiles.update(changed);
    return outcomes;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
