package io.gridcare.units.web;

import io.gridcare.system.NotFoundException;
import io.gridcare.system.PageQuery;
import io.gridcare.system.PageResponse;
import io.gridcare.units.Unit;
import io.gridcare.units.UnitGroups;
import io.gridcare.units.Units;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
@Tag(name = "Units", description = "Điện lực / Power Companies")
class UnitController {

  static final String CODE = "P[A-Z][0-9]{2}";

  private final Units units;
  private final UnitGroups groups;

  UnitController(Units units, UnitGroups groups) {
    this.units = units;
    this.groups = groups;
  }

  @GetMapping
  @Operation(summary = "Danh sách Điện lực / List Power Companies, by code")
  PageResponse<UnitView> list(@Valid PageQuery query) {
    return PageResponse.of(units.findAll(query.toPageRequest(Sort.by("code"))), UnitView::of);
  }

  @GetMapping("/{code}")
  @Operation(summary = "Một Điện lực / One Power Company")
  UnitView get(@PathVariable @Pattern(regexp = CODE) String code) {
    return units.findById(code).map(UnitView::of).orElseThrow(() -> notFound(code));
  }

  @PutMapping("/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Tạo hoặc sửa Điện lực / Create or update a Power Company (admin)")
  ResponseEntity<UnitView> put(@PathVariable @Pattern(regexp = CODE) String code,
      @RequestBody @Valid UnitChange change) {
    Unit existing = units.findById(code).orElse(null);
    Unit saved = units.save(existing != null
        ? existing.withDetails(change.name(), change.corporation(), change.urbanOrFalse())
        : new Unit(code, change.name(), change.corporation(), change.urbanOrFalse(), null));
    groups.ensureFor(saved);
    return ResponseEntity.status(existing != null ? HttpStatus.OK : HttpStatus.CREATED).body(UnitView.of(saved));
  }

  private static NotFoundException notFound(String code) {
    return new NotFoundException("Không có Điện lực " + code + " / No Power Company " + code);
  }

  record UnitView(String code, String name, String corporation, boolean urban) {
    static UnitView of(Unit unit) {
      return new UnitView(unit.code(), unit.name(), unit.corporation(), unit.urban());
    }
  }

  record UnitChange(@NotBlank @Size(max = 100) String name,
                    @NotBlank @Pattern(regexp = "EVN[A-Z]{2,8}") String corporation,
                    Boolean urban) {
    boolean urbanOrFalse() {
      return Boolean.TRUE.equals(urban);
    }
  }
}
