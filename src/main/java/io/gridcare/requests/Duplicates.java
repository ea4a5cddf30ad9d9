package io.gridcare.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gridcare.customers.CustomerProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Earlier requests of the same customer (by code or phone): the same service still open or closed within the
 * window, or a similar text (most of its words in an earlier request's text, through the search index).
 */
@Component
class Duplicates {

  private static final Logger log = LoggerFactory.getLogger(Duplicates.class);

  private final JdbcClient sql;
  private final RequestIndex index;
  private final Clock clock;
  private final Duration window;

  Duplicates(JdbcClient sql, RequestIndex index, Clock clock,
      @Value("${gridcare.requests.duplicate-window:P30D}") Duration window) {
    this.sql = sql;
    this.index = index;
    this.clock = clock;
    this.window = window;
  }

  private record Earlier(String code, String status, Instant closedAt) {
  }

  /** Adds a warning per kind of duplicate found; answers the earlier requests' codes, most recent first. */
  List<String> find(ServiceType service, RequestDraft draft, CustomerProfile customer, String phone, String self,
      List<Warning> warnings) {
    String customerCode = customer != null ? customer.code() : null;
    if (customerCode == null && phone == null) {
      return List.of();
    }
    Instant since = clock.instant().minus(window);
    Set<String> found = new LinkedHashSet<>();
    List<Earlier> sameService = sql.sql("""
            select code, status, closed_at from service_request
             where service_type = :service and (phone = :phone or customer_code = :customer)
               and code <> :self and status <> 'MERGED' and (closed_at is null or closed_at >= :since)
             order by submitted_at desc limit 5""")
        .params(Map.of("service", service.code(), "phone", phone == null ? "" : phone,
            "customer", customerCode == null ? "" : customerCode, "self", self == null ? "" : self,
            "since", Timestamp.from(since)))
        .query((row, n) -> new Earlier(row.getString(1), row.getString(2),
            Optional.ofNullable(row.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)))
        .list();
    sameService.stream().filter(earlier -> earlier.closedAt() == null).findFirst().ifPresent(open ->
        warnings.add(Warning.duplicate(WarningCode.DUPLICATE_OPEN, open.code(),
            "Quý khách đã có yêu cầu " + service.name().vi() + " đang xử lý (" + open.code() + ")",
            "You already have an open " + service.name().en() + " request (" + open.code() + ")")));
    sameService.stream().filter(earlier -> earlier.closedAt() != null).findFirst().ifPresent(closed ->
        warnings.add(Warning.duplicate(WarningCode.DUPLICATE_RECENT, closed.code(),
            "Yêu cầu " + service.name().vi() + " tương tự vừa được xử lý xong (" + closed.code() + ")",
            "A " + service.name().en() + " request was closed recently (" + closed.code() + ")")));
    sameService.forEach(earlier -> found.add(earlier.code()));
    similar(draft, customerCode, phone, since, self, found, warnings);
    return new ArrayList<>(found);
  }

  private void similar(RequestDraft draft, String customerCode, String phone, Instant since, String self,
      Set<String> found, List<Warning> warnings) {
    List<String> codes;
    try {
      codes = index.similar(draft.description(), customerCode, phone, since, self);
    } catch (RuntimeException e) {
      // the index is derived and may be down; the other checks stand, and triage sees no similar text
      log.warn("Similar-text check skipped: {}", e.getMessage());
      return;
    }
    if (codes.isEmpty()) {
      return;
    }
    List<String> live = sql.sql("""
            select code from service_request where code = any(:codes) and status <> 'MERGED'
               and (closed_at is null or closed_at >= :since)""")
        .param("codes", codes.toArray(String[]::new)).param("since", Timestamp.from(since))
        .query(String.class).list();
    codes.stream().filter(live::contains).filter(code -> !found.contains(code)).findFirst().ifPresent(code ->
        warnings.add(Warning.duplicate(WarningCode.SIMILAR_REQUEST, code,
            "Nội dung giống yêu cầu " + code + " quý khách đã gửi",
            "The text is like that of your request " + code)));
    found.addAll(live);
  }
}
