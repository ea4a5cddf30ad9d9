package io.gridcare.customers.web;

import java.net.URI;
import java.util.List;

import io.gridcare.customers.CustomerRefresh;
import io.gridcare.customers.RefreshRun;
import io.gridcare.system.ConflictException;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "Khách hàng / Customer 360")
class CustomerRefreshController {

  private static final int RECENT = 20;

  private final CustomerRefresh refresh;

  CustomerRefreshController(CustomerRefresh refresh) {
    this.refresh = refresh;
  }

  @PostMapping("/api/customers/refreshes")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Tính lại hồ sơ và nhóm của mọi khách hàng / Re-derive every profile and segment (admin)",
      description = "Runs in the background: profiles are derived again from the stored source records and the "
          + "segment decisions are evaluated again. It also runs each night and after a new version of the segment "
          + "decisions is deployed. One run at a time: 409 while one is queued or running.")
  ResponseEntity<RefreshRun> start(Authentication user) {
    RefreshRun run = refresh.request(CustomerRefresh.Reason.REQUESTED, user.getName()).orElseThrow(() ->
        new ConflictException("Đang có một lượt tính lại / A refresh is already queued or running: "
            + refresh.recent(1).stream().findFirst().map(active -> "/api/customers/refreshes/" + active.id())
            .orElse("")));
    return ResponseEntity.accepted().location(URI.create("/api/customers/refreshes/" + run.id())).body(run);
  }

  @GetMapping("/api/customers/refreshes")
  @Operation(summary = "Các lượt tính lại gần đây / Recent refresh runs")
  List<RefreshRun> recent() {
    return refresh.recent(RECENT);
  }

  @GetMapping("/api/customers/refreshes/{id}")
  @Operation(summary = "Một lượt tính lại / One refresh run and its progress")
  RefreshRun get(@PathVariable long id) {
    return refresh.find(id).orElseThrow(() ->
        new NotFoundException("Không có lượt tính lại " + id + " / No refresh run " + id));
  }
}
