package io.gridcare.requests;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.gridcare.system.ConflictException;
import io.gridcare.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The portal's service catalog, kept in PostgreSQL. Admins change it; every change of a service raises its
 * {@code version}, which editors send back so that nobody overwrites a change they have not seen. Services and
 * reasons are retired, never deleted: stored requests refer to them.
 */
@Service
public class ServiceCatalog {

  private static final Logger log = LoggerFactory.getLogger(ServiceCatalog.class);

  private static final String TYPES = """
      select code, category, name_vi, name_en, description_vi, description_en, promised_working_days,
             promised_working_days_rural, fee_vnd, fee_note_vi, fee_note_en, handled_by, requires_customer,
             free_text_allowed, auto_forward, required_fields, required_documents, active, version
        from service_type""";

  private static final String INSERT_TYPE = """
      insert into service_type (code, category, name_vi, name_en, description_vi, description_en,
                                promised_working_days, promised_working_days_rural, fee_vnd, fee_note_vi, fee_note_en,
                                handled_by, requires_customer, free_text_allowed, auto_forward, required_fields,
                                required_documents, position, active, version, updated_at, updated_by)
      values (:code, :category, :nameVi, :nameEn, :descriptionVi, :descriptionEn, :days, :daysRural, :feeVnd,
              :feeNoteVi, :feeNoteEn, :handledBy, :requiresCustomer, :freeTextAllowed, :autoForward,
              cast(:fields as text[]), cast(:documents as text[]),
              (select coalesce(max(position), 0) + 10 from service_type), :active, 0, now(), :user)
      on conflict (code) do nothing""";

  private static final String UPDATE_TYPE = """
      update service_type
         set category = :category, name_vi = :nameVi, name_en = :nameEn, description_vi = :descriptionVi,
             description_en = :descriptionEn, promised_working_days = :days, promised_working_days_rural = :daysRural,
             fee_vnd = :feeVnd, fee_note_vi = :feeNoteVi, fee_note_en = :feeNoteEn, handled_by = :handledBy,
             requires_customer = :requiresCustomer, free_text_allowed = :freeTextAllowed, auto_forward = :autoForward,
             required_fields = cast(:fields as text[]), required_documents = cast(:documents as text[]),
             active = :active, version = version + 1, updated_at = now(), updated_by = :user
       where code = :code""";

  private static final String UPSERT_REASON = """
      insert into service_reason (service_type, code, label_vi, label_en, required_fields, required_documents,
                                  position, active)
      values (:type, :code, :labelVi, :labelEn, cast(:fields as text[]), cast(:documents as text[]), :position,
              :active)
      on conflict (service_type, code) do update
         set label_vi = excluded.label_vi, label_en = excluded.label_en, required_fields = excluded.required_fields,
             required_documents = excluded.required_documents, position = excluded.position, active = excluded.active""";

  static final Duration FRESHNESS = Duration.ofSeconds(10);

  private final JdbcClient sql;
  private final LoadingCache<String, Optional<ServiceType>> copies;

  ServiceCatalog(JdbcClient sql) {
    this.sql = sql;
    this.copies = Caffeine.newBuilder().expireAfterWrite(FRESHNESS).maximumSize(1_000).build(this::read);
  }

  /** What the portal offers, in the catalog's order, with active reasons only. */
  public List<ServiceType> active() {
    return load(null, true);
  }

  /** Every service, retired ones and retired reasons included. */
  public List<ServiceType> all() {
    return load(null, false);
  }

  /**
   * The service as the portal and the flow use it, from a copy at most {@link #FRESHNESS} old: every portal call
   * looks its service up. A change made on this server is seen at once; one made on another server within that
   * time. Admins editing the catalog read it fresh ({@link #get}).
   */
  public Optional<ServiceType> find(String code) {
    return copies.get(code);
  }

  private Optional<ServiceType> read(String code) {
    return load(code, false).stream().findFirst();
  }

  /**
   * Creates the service, or replaces it with its reasons, in one transaction. Reasons left out are retired; the
   * given {@code version} is ignored, the stored one goes up by one.
   *
   * @param expectedVersion the version the editor started from, or null to skip the check (and to create)
   * @throws InvalidServiceTypeException listing every problem; nothing is saved
   * @throws ConflictException when the service is at another version, or does not exist though one was expected
   */
  @Transactional
  public ServiceType save(ServiceType service, Integer expectedVersion, String user) {
    List<CatalogProblem> problems = ServiceTypeRules.check(service);
    if (!problems.isEmpty()) {
      throw new InvalidServiceTypeException(problems);
    }
    Optional<Integer> current = lockedVersion(service.code());
    Map<String, Object> row = row(service, user);
    if (current.isEmpty()) {
      if (expectedVersion != null) {
        throw new ConflictException("Chưa có dịch vụ " + service.code() + " để sửa / There is no service "
            + service.code() + " to replace");
      }
      if (sql.sql(INSERT_TYPE).params(row).update() == 0) {
        throw new ConflictException("Dịch vụ " + service.code() + " vừa được tạo bởi người khác / Service "
            + service.code() + " was just created by someone else");
      }
    } else {
      expectVersion(service.code(), expectedVersion, current.get());
      sql.sql(UPDATE_TYPE).params(row).update();
    }
    saveReasons(service);
    forgetAfterCommit(service.code());
    ServiceType saved = read(service.code()).orElseThrow();
    log.info("Service {} version {} saved by {}", saved.code(), saved.version(), user);
    return saved;
  }

  /**
   * Takes the service off the portal; requests already made keep it. Retiring a retired service changes nothing.
   *
   * @throws NotFoundException when there is no such service
   * @throws ConflictException when it is at another version than {@code expectedVersion} (null: no check)
   */
  @Transactional
  public ServiceType retire(String code, Integer expectedVersion, String user) {
    int current = lockedVersion(code).orElseThrow(() -> notFound(code));
    expectVersion(code, expectedVersion, current);
    int changed = sql.sql("update service_type set active = false, version = version + 1, updated_at = now(),"
            + " updated_by = :user where code = :code and active")
        .param("code", code).param("user", user).update();
    forgetAfterCommit(code);
    ServiceType retired = read(code).orElseThrow();
    if (changed > 0) {
      log.info("Service {} retired at version {} by {}", code, retired.version(), user);
    }
    return retired;
  }

  /** The service as stored now, retired reasons included. */
  public ServiceType get(String code) {
    return read(code).orElseThrow(() -> notFound(code));
  }

  /** After the commit: forgotten earlier, a concurrent lookup could cache the old row again. */
  private void forgetAfterCommit(String code) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        copies.invalidate(code);
      }
    });
  }

  private static Map<String, Object> row(ServiceType service, String user) {
    Map<String, Object> row = new HashMap<>();
    row.put("code", service.code());
    row.put("category", service.category().name());
    row.put("nameVi", service.name().vi().strip());
    row.put("nameEn", service.name().en().strip());
    row.put("descriptionVi", service.description() == null ? null : service.description().vi().strip());
    row.put("descriptionEn", service.description() == null ? null : service.description().en().strip());
    row.put("days", service.promisedWorkingDays());
    row.put("daysRural", service.promisedWorkingDaysRural());
    row.put("feeVnd", service.feeVnd());
    row.put("feeNoteVi", service.feeNote() == null ? null : service.feeNote().vi().strip());
    row.put("feeNoteEn", service.feeNote() == null ? null : service.feeNote().en().strip());
    row.put("handledBy", service.handledBy().name());
    row.put("requiresCustomer", service.requiresCustomer());
    row.put("freeTextAllowed", service.freeTextAllowed());
    row.put("autoForward", service.autoForward());
    row.put("fields", names(service.requiredFields()));
    row.put("documents", names(service.requiredDocuments()));
    row.put("active", service.active());
    row.put("user", user);
    return row;
  }

  /** The given reasons in the given order; those left out stay, retired, for the requests that chose them. */
  private void saveReasons(ServiceType service) {
    List<ServiceReason> reasons = service.reasons();
    for (int index = 0; index < reasons.size(); index++) {
      ServiceReason reason = reasons.get(index);
      sql.sql(UPSERT_REASON)
          .param("type", service.code()).param("code", reason.code())
          .param("labelVi", reason.label().vi().strip()).param("labelEn", reason.label().en().strip())
          .param("fields", names(reason.requiredFields())).param("documents", names(reason.requiredDocuments()))
          .param("position", index + 1).param("active", reason.active())
          .update();
    }
    sql.sql("update service_reason set active = false"
            + " where service_type = :type and active and not (code = any (cast(:codes as text[])))")
        .param("type", service.code())
        .param("codes", reasons.stream().map(ServiceReason::code).toArray(String[]::new))
        .update();
  }

  /** The stored version, the row locked until the transaction ends so that two editors take turns. */
  private Optional<Integer> lockedVersion(String code) {
    return sql.sql("select version from service_type where code = :code for update").param("code", code)
        .query(Integer.class).optional();
  }

  private static void expectVersion(String code, Integer expected, int current) {
    if (expected != null && expected != current) {
      throw new ConflictException("Dịch vụ " + code + " đã được sửa, nay là phiên bản " + current + " (đang sửa "
          + expected + ") / Service " + code + " was changed meanwhile: it is at version " + current
          + ", the change was made on version " + expected);
    }
  }

  private static NotFoundException notFound(String code) {
    return new NotFoundException("Không có dịch vụ " + code + " / No service " + code);
  }

  private static String[] names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toArray(String[]::new);
  }

  /**
   * One service ({@code code}) or all of them, with their reasons; {@code activeOnly}: active services with active
   * reasons. A single service reads only its own reasons: validation looks one up on every portal call.
   */
  private List<ServiceType> load(String code, boolean activeOnly) {
    String types = code != null ? " where code = :code" : activeOnly ? " where active" : "";
    String reasonFilter = code != null ? " where service_type = :code" : activeOnly ? " where active" : "";
    Map<String, ?> params = code != null ? Map.of("code", code) : Map.of();
    Map<String, List<ServiceReason>> reasons = new LinkedHashMap<>();
    sql.sql("select service_type, code, label_vi, label_en, required_fields, required_documents, active"
            + " from service_reason" + reasonFilter + " order by position, code")
        .params(params)
        .query((ResultSet row) -> {
          reasons.computeIfAbsent(row.getString("service_type"), type -> new ArrayList<>()).add(new ServiceReason(
              row.getString("code"), new Label(row.getString("label_vi"), row.getString("label_en")),
              names(row.getArray("required_fields"), RequestField::valueOf),
              names(row.getArray("required_documents"), DocumentKind::valueOf), row.getBoolean("active")));
        });
    return sql.sql(TYPES + types + " order by position, code").params(params).query((row, number) -> new ServiceType(row.getString("code"),
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
