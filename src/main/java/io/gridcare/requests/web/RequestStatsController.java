package io.gridcare.requests.web;

import java.time.Clock;
import java.time.Duration;

import io.gridcare.customers.Viewer;
import io.gridcare.requests.RequestStatistics;
import io.gridcare.requests.ServiceCatalog;
import io.gridcare.system.Access;
import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Requests", description = "Yêu cầu dịch vụ trực tuyến / Online service requests")
class RequestStatsController {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
  private static final String UNIT_FORMAT = "P[A-Z][0-9]{2}";
  private static final String SERVICE_FORMAT = "[A-Z][A-Z0-9_]{0,47}";

  private final RequestStatistics statistics;
  private final ServiceCatalog catalog;
  private final Clock clock;

  RequestStatsController(RequestStatistics statistics, ServiceCatalog catalog, Clock clock) {
    this.statistics = statistics;
    this.catalog = catalog;
    this.clock = clock;
  }

  @GetMapping("/api/requests/stats")
  @Operation(summary = "Thống kê yêu cầu trực tuyến: tự động chuyển, kiểm tra, trùng, thời gian xử lý / Online "
      + "request statistics: auto-forwarded, reviewed, duplicates, processing times",
      description = """
          Requests submitted from `from` to `to` (ISO dates, whole days in Asia/Ho_Chi_Minh, `to` included; or \
          instants, `to` excluded; default the last 30 days), of one `unit` and one `serviceType` when given.

          `received`; `autoForwarded` (triage decided AUTO_FORWARD) and `manual` (any other decision, `byReason`) \
          with their share of `received` in percent; `notTriaged` the rest, so the three add up to `received`. \
          `duplicates`: `suspected` (triage decided DUPLICATE), `merged` (an agent merged it), `caught` (either). \
          `timeToForward` in minutes from submission to forwarding (median and 90th percentile), `auto` for \
          requests no agent touched and `manual` for reviewed ones. `timeToComplete` per service: completed \
          requests, median and 90th percentile in working days from forwarding to completion, and the share \
          completed within the catalog's promise for their unit (city or rural).

          Staff of a unit (`unit-PD09`) see their unit's requests only, and 403 for another `unit`; admins and the \
          call centre see every unit; other staff, no unit.""")
  RequestStatistics.Report stats(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String serviceType, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication user) {
    String unitCode = ReportPeriod.present(unit);
    if (unitCode != null && !unitCode.matches(UNIT_FORMAT)) {
      throw new InvalidParameterException("unit", "Mã đơn vị không hợp lệ, ví dụ PD09 / Invalid unit code, e.g. PD09");
    }
    String service = ReportPeriod.present(serviceType);
    if (service != null && (!service.matches(SERVICE_FORMAT) || catalog.find(service).isEmpty())) {
      throw new InvalidParameterException("serviceType", "Không có dịch vụ này trong danh mục / No such service "
          + "in the catalog");
    }
    ReportPeriod period = ReportPeriod.of(from, to, clock.instant(), DEFAULT_PERIOD);
    Viewer viewer = Viewer.fromGroups(Access.groupsIn(user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).toList()));
    // an explicit other unit is refused, rather than answered with zeros that read like a quiet month
    if (unitCode != null && !viewer.allUnits() && !viewer.units().contains(unitCode)) {
      throw new AccessDeniedException("unit " + unitCode);
    }
    return statistics.report(new RequestStatistics.Query(period.from(), period.to(), unitCode, service,
        viewer.allUnits() ? null : viewer.units()));
  }
}
