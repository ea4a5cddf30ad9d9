package io.gridcare.customers.web;

import java.util.List;

import io.gridcare.customers.CustomerDirectory;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerSearch;
import io.gridcare.customers.CustomerView;
import io.gridcare.customers.IndexRebuild;
import io.gridcare.customers.SegmentCount;
import io.gridcare.customers.Viewer;
import io.gridcare.system.Access;
import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.NotFoundException;
import io.gridcare.system.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "Khách hàng / Customer 360")
class CustomerController {

  private final CustomerDirectory customers;
  private final CustomerSearch search;
  private final IndexRebuild rebuild;

  CustomerController(CustomerDirectory customers, CustomerSearch search, IndexRebuild rebuild) {
    this.customers = customers;
    this.search = search;
    this.rebuild = rebuild;
  }

  @GetMapping("/api/customers")
  @Operation(summary = "Tìm khách hàng / Search customers",
      description = "q: name or address (with or without diacritics), customer code, or the last 4+ digits of a "
          + "phone number. Filters combine; facets count the matches per unit, group, type and reachable channel. "
          + "sort: relevance (default), code, name (diacritics ignored), unit, segment, customerType; a leading "
          + "'-' reverses it (-name). Staff of a unit find only its customers.")
  CustomerSearch.SearchResult find(@Valid SearchParameters parameters, Authentication user) {
    PageQuery paging = new PageQuery(parameters.page(), parameters.size());
    if ((paging.page() + 1L) * paging.size() > CustomerSearch.MAX_RESULT_WINDOW) {
      throw new InvalidParameterException("page", "Chỉ xem được " + CustomerSearch.MAX_RESULT_WINDOW
          + " kết quả đầu / only the first " + CustomerSearch.MAX_RESULT_WINDOW + " results can be paged through; "
          + "narrow the search");
    }
    String sort = parameters.sort() == null ? "relevance" : parameters.sort();
    boolean descending = sort.startsWith("-");
    CustomerSearch.Sort order = CustomerSearch.Sort.valueOf(
        sort.substring(descending ? 1 : 0).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
    return search.search(new CustomerSearch.Query(parameters.q(), parameters.unit(), parameters.substation(),
        parameters.meterBook(), parameters.segment(), parameters.customerType(), parameters.channel(),
        order, descending, paging.page(), paging.size()), viewer(user));
  }

  @GetMapping("/api/customers/{code}")
  @Operation(summary = "Hồ sơ khách hàng / A customer's whole profile, groups and group history")
  CustomerView get(@PathVariable @Pattern(regexp = CustomerProfile.CODE_FORMAT) String code, Authentication user) {
    return customers.find(code, viewer(user)).orElseThrow(() ->
        new NotFoundException("Không có khách hàng " + code + " / No customer " + code));
  }

  @GetMapping("/api/segments")
  @Operation(summary = "Số khách hàng mỗi nhóm / Customers per corporate and regional group")
  List<SegmentCount> segments() {
    return customers.segmentCounts();
  }

  @PostMapping("/api/customers/index/rebuild")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Dựng lại chỉ mục tìm kiếm / Rebuild the search index from PostgreSQL (admin)",
      description = "Searches keep answering from the current index until the new one replaces it.")
  IndexRebuild.Result rebuildIndex() {
    return rebuild.rebuild();
  }

  private static Viewer viewer(Authentication user) {
    return Viewer.fromGroups(Access.groupsIn(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
  }

  record SearchParameters(
      @Size(max = 200) String q,
      @Pattern(regexp = "P[A-Z][0-9]{2}") String unit,
      @Size(max = 32) String substation,
      @Size(max = 32) String meterBook,
      @Size(max = 64) String segment,
      @Pattern(regexp = "RESIDENTIAL|BUSINESS|PRODUCTION|ADMINISTRATIVE|PRIORITY") String customerType,
      @Pattern(regexp = "APP|ZALO|EMAIL|SMS") String channel,
      @Pattern(regexp = "-?(relevance|code|name|unit|segment|customerType)",
          message = "relevance, code, name, unit, segment hoặc customerType, '-' ở đầu để đảo chiều / one of "
              + "relevance, code, name, unit, segment, customerType, with a leading '-' for descending") String sort,
      @PositiveOrZero Integer page,
      @Min(1) @Max(PageQuery.MAX_SIZE) Integer size) {
  }
}
