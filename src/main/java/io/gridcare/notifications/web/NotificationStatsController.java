package io.gridcare.notifications.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.gridcare.customers.Viewer;
import io.gridcare.notifications.NoticeStatistics;
import io.gridcare.notifications.NoticeStatistics.GroupBy;
import io.gridcare.notifications.NoticeType;
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
@Tag(name = "Notifications", description = "Thông báo khách hàng / Customer notices")
class NotificationStatsController {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
  private static final String UNIT_FORMAT = "P[A-Z][0-9]{2}";

  private final NoticeStatistics statistics;
  private final Clock clock;

  NotificationStatsController(NoticeStatistics statistics, Clock clock) {
    this.statistics = statistics;
    this.clock = clock;
  }

  @GetMapping("/api/notifications/stats")
  @Operation(summary = "Thống kê thông báo: gửi, nhận, đọc, chi phí, tiết kiệm / Notice statistics: sent, "
      + "delivered, read, cost and savings against all-SMS",
      description = """
          Notices created from `from` to `to` (ISO dates, whole days in Asia/Ho_Chi_Minh, `to` included; or \
          instants, `to` excluded; default the last 30 days), of one `type` and one recipients' `unit` when given, \
          grouped by `groupBy` (channel, the default; unit; substation; meterBook, the last two within their \
          unit), with a totals line (no `key`). A group without a substation or meter book has no `key`.

          Attempts: `sent` (taken by the channel), `delivered` (confirmed, read ones included), `read`, `failed` \
          (refused or reported failed), `expired` (no receipt in time, or in doubt); `deliveryRate` and \
          `readRate` are percentages of the attempts sent (absent when none was sent). `smsMessages` and \
          `smsSegments` count SMS sent. Costs in VND per channel and in total. By channel, notices and recipients \
          are those with an attempt on it.

          Savings against all-SMS: every recipient reached (delivered or read) counted as one SMS of the \
          notice's SMS variant: the SMS it was in fact sent, at its recorded cost; otherwise as many segments \
          as the fewest any SMS of that notice took (one when it sent none) at the `sms-default` price. \
          `amount` is that baseline less what those recipients' attempts cost on every channel, `percent` its \
          share of the baseline (absent when the baseline is zero). By channel, a recipient counts under the \
          channel that reached it (its last attempt).

          Staff of a unit (`unit-PD09`) see their unit's recipients only, and 403 for another `unit`; admins \
          and the call centre see every unit; other staff, no unit (as in customer search).""")
  NoticeStatistics.Report stats(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String type, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
      Authentication user) {
    String unitCode = ReportPeriod.present(unit);
    if (unitCode != null && !unitCode.matches(UNIT_FORMAT)) {
      throw new InvalidParameterException("unit", "Mã đơn vị không hợp lệ, ví dụ PD09 / Invalid unit code, e.g. PD09");
    }
    NoticeType noticeType = ReportPeriod.present(type) == null ? null : Arrays.stream(NoticeType.values())
        .filter(value -> value.name().equals(type.strip())).findFirst()
        .orElseThrow(() -> new InvalidParameterException("type", "Loại thông báo không hợp lệ / Unknown notice type; "
            + Arrays.stream(NoticeType.values()).map(Enum::name).collect(Collectors.joining(", "))));
    GroupBy grouping = ReportPeriod.present(groupBy) == null ? GroupBy.CHANNEL : GroupBy.ofParameter(groupBy.strip())
        .orElseThrow(() -> new InvalidParameterException("groupBy", "Nhóm theo không hợp lệ / groupBy is one of "
            + Arrays.stream(GroupBy.values()).map(GroupBy::parameter).collect(Collectors.joining(", "))));
    ReportPeriod period = ReportPeriod.of(from, to, clock.instant(), DEFAULT_PERIOD);
    Viewer viewer = Viewer.fromGroups(Access.groupsIn(user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).toList()));
    // an explicit other unit is refused, rather than answered with zeros that read like a quiet month
    if (unitCode != null && !viewer.allUnits() && !viewer.units().contains(unitCode)) {
      throw new AccessDeniedException("unit " + unitCode);
    }
    return statistics.report(new NoticeStatistics.Query(period.from(), period.to(), noticeType, unitCode,
        viewer.allUnits() ? null : viewer.units(), grouping));
  }
}
