package io.gridcare.customers.web;

import java.util.List;

import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.Audience;
import io.gridcare.customers.CustomerAudiences;
import io.gridcare.system.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Audiences of flows, for their workers (and admins): who is in them, page by page, and how many they are. */
@RestController
@Tag(name = "Audiences", description = "Đối tượng khách hàng của quy trình / Customer audiences of flows")
class AudienceController {

  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 5000;

  private static final String FILTERS = "Lọc theo unit, substation, feeder, meterBook, segment (kết hợp AND; "
      + "substation, feeder, meterBook lặp lại được, khớp một trong các giá trị). Cần ít nhất một bộ lọc. / "
      + "Filters unit, substation, feeder, meterBook, segment combine with AND; substation, feeder and meterBook "
      + "may be repeated and match any of their values. At least one filter is required.";

  private final CustomerAudiences audiences;

  AudienceController(CustomerAudiences audiences) {
    this.audiences = audiences;
  }

  @GetMapping("/api/audiences/customers")
  @Operation(summary = "Mã khách hàng của một nhóm đối tượng / Customer codes of an audience, page by page",
      description = FILTERS + " Codes come in code order; pass a page's `next` as `after` for the following page "
          + "(`next` is null on the last page). `limit` 1.." + MAX_LIMIT + ", default " + DEFAULT_LIMIT + ".")
  CustomerAudiences.CodePage codes(@Valid Filters filters, @Valid Paging paging) {
    return audiences.codes(filters.audience(), paging.after(),
        paging.limit() == null ? DEFAULT_LIMIT : paging.limit());
  }

  @GetMapping("/api/audiences/customers/count")
  @Operation(summary = "Số khách hàng của một nhóm đối tượng / How many customers an audience has",
      description = FILTERS)
  AudienceSize count(@Valid Filters filters) {
    return new AudienceSize(audiences.count(filters.audience()));
  }

  record Filters(
      @Pattern(regexp = "P[A-Z][0-9]{2}") String unit,
      @Size(max = 100) List<@Size(max = 32) String> substation,
      @Size(max = 100) List<@Size(max = 32) String> feeder,
      @Size(max = 100) List<@Size(max = 32) String> meterBook,
      @Size(max = 64) String segment) {

    Audience audience() {
      Audience audience = new Audience(unit, substation, feeder, meterBook, segment);
      if (audience.unfiltered()) {
        // named after the first filter: a unit is how most audiences start
        throw new InvalidParameterException("unit", "Cần ít nhất một bộ lọc: unit, substation, feeder, meterBook "
            + "hoặc segment / At least one filter is required: unit, substation, feeder, meterBook or segment");
      }
      return audience;
    }
  }

  record Paging(
      @Pattern(regexp = CustomerProfile.CODE_FORMAT) String after,
      @Min(1) @Max(MAX_LIMIT) Integer limit) {
  }

  record AudienceSize(long customers) {
  }
}
