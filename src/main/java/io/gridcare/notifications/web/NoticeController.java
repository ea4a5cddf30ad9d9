package io.gridcare.notifications.web;

import java.util.List;

import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.Viewer;
import io.gridcare.notifications.NoticeReports;
import io.gridcare.system.Access;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Notifications", description = "Thông báo khách hàng / Customer notices")
class NoticeController {

  private static final int HISTORY = 100;

  private final NoticeReports reports;

  NoticeController(NoticeReports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/notices/{id}")
  @Operation(summary = "Một thông báo: đối tượng, kết quả theo kênh, chi phí / A notice: audience, outcome by "
      + "channel and status, cost")
  NoticeReports.NoticeReport notice(@PathVariable long id, Authentication user) {
    return reports.report(id, viewer(user).personalData()).orElseThrow(() ->
        new NotFoundException("Không có thông báo " + id + " / No notice " + id));
  }

  @GetMapping("/api/customers/{code}/notifications")
  @Operation(summary = "Các thông báo gửi một khách hàng / A customer's notices, with each channel tried")
  List<NoticeReports.CustomerNotice> ofCustomer(@PathVariable @Pattern(regexp = CustomerProfile.CODE_FORMAT) String code,
      Authentication user) {
    Viewer viewer = viewer(user);
    if (!viewer.allUnits() && !viewer.units().contains(code.substring(0, 4))) {
      throw new NotFoundException("Không có khách hàng " + code + " / No customer " + code);
    }
    return reports.ofCustomer(code, HISTORY);
  }

  private static Viewer viewer(Authentication user) {
    return Viewer.fromGroups(Access.groupsIn(user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).toList()));
  }
}
