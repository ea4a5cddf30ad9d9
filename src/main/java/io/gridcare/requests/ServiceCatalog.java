package io.gridcare.requests;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The portal's service catalog, kept in PostgreSQL. */
@Service
public class ServiceCatalog {

  private static final String TYPES = """
      select code, category, name_vi, name_en, description_vi, description_en, promised_working_days,
             promised_working_days_rural, fee_vnd, fee_note_vi, fee_note_en, handled_by, requires_customer,
             free_text_allowed, auto_forward, required_fields, required_documents, active, version
        from service_type""";

  private final JdbcClient sql;

  ServiceCatalog(JdbcClient sql) {
    this.sql = sql;
  }

  /** What the portal offers, in the catalog's order, with active reasons only. */
  public List<ServiceType> active() {
    return load(" where active order by position, code", Map.of(), true);
  }

  /** Every service, retired ones and retired reasons included. */
  public List<ServiceType> all() {
    return load(" order by position, code", Map.of(), false);
  }

  public Optional<ServiceType> find(String code) {
    return load(" where code = :code", Map.of("code", code), false).stream().findFirst();
  }

  private List<ServiceType> load(String where, Map<String, ?> params, boolean activeReasonsOnly) {
    Map<String, List<ServiceReason>> reasons = new LinkedHashMap<>();
    sql.sql("select service_type, code, label_vi, label_en, required_fields, required_documents, active"
            + " from service_reason" + (activeReasonsOnly ? " where active" : "") + " order by position, code")
        .query((ResultSet row) -> {
          reasons.computeIfAbsent(row.getString("service_type"), type -> new ArrayList<>()).add(new ServiceReason(
              row.getString("code"), new Label(row.getString("label_vi"), row.getString("label_en")),
              names(row.getArray("required_fields"), RequestField::valueOf),
              names(row.getArray("required_documents"), DocumentKind::valueOf), row.getBoolean("active")));
        });
    return sql.sql(TYPES + where).params(params).query((row, number) -> new ServiceType(row.getString("code"),
        ServiceCategory.valueOf(row.getString("category")),
        new Label(row.getString("name_vi"), row.getString("name_en")),
        label(row.getString("description_vi"), row.getString("description_en")),
        row.getInt("promised_working_days"), row.getObject("promised_working_days_rural", Integer.class),
        row.getObject("fee_vnd", Long.class), label(row.getString("fee_note_vi"), row.getString("fee_note_en")),
        HandledBy.valueOf(row.getString("handled_by")), row.getBoolean("requires_customer"),
        row.getBoolean("free_text_allowed"), row.getBoolean("auto_forward"),
        names(row.getArray("required_fields"), RequestField::valueOf),
        names(row.getArray("required_documents"), DocumentKind::valueOf),
        reasons.getOrDefault(row.getString("code"), List.of()), row.getBoolean("active"), row.getInt("version")))
        .list();
  }

  private static Label label(String vi, String en) {
    return vi == null ? null : new Label(vi, en);
  }

  private static <T> List<T> names(Array array, Function<String, T> parse) throws SQLException {
    return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).map(parse).toList();
  }
}
