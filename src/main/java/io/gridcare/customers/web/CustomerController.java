package io.gridcare.customers.web;

import java.util.List;

import io.gridcare.customers.CustomerDirectory;
import io.gridcare.customers.CustomerView;
import io.gridcare.customers.SegmentCount;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "Khách hàng / Customer 360")
class CustomerController {

  static final String CODE = "P[A-Z][0-9]{2}[0-9A-Z]{2}[0-9]{7}";

  private final CustomerDirectory customers;

  CustomerController(CustomerDirectory customers) {
    this.customers = customers;
  }

  @GetMapping("/api/customers/{code}")
  @Operation(summary = "Hồ sơ khách hàng / A customer's whole profile, groups and group history")
  CustomerView get(@PathVariable @Pattern(regexp = CODE) String code) {
    return customers.find(code).orElseThrow(() ->
        new NotFoundException("Không có khách hàng " + code + " / No customer " + code));
  }

  @GetMapping("/api/segments")
  @Operation(summary = "Số khách hàng mỗi nhóm / Customers per corporate and regional group")
  List<SegmentCount> segments() {
    return customers.segmentCounts();
  }
}
