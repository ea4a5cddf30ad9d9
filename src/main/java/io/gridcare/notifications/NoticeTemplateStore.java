package io.gridcare.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.notifications.NoticeTemplateContent.TemplateSms;
import io.gridcare.notifications.NoticeTemplateContent.TemplateText;
import io.gridcare.notifications.NoticeTemplateContent.TemplateZns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notice template tables in PostgreSQL. */
@Repository
class NoticeTemplateStore {

  private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
  };

  private static final String VERSIONS = """
      select v.notice_type, v.version, v.sms_text, v.sms_may_drop_accents, v.zns_template_id, v.zns_params::text,
             v.comment, v.created_by, v.created_at
        from notice_template_version v""";

  private final JdbcClient sql;
  private final ObjectMapper json;

  NoticeTemplateStore(JdbcClient sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  Optional<NoticeTemplate> find(NoticeType type, int version) {
    return load(VERSIONS + " where v.notice_type = :type and v.version = :version",
        Map.of("type", type.name(), "version", version)).stream().findFirst();
  }

  /** Every type's current version. */
  List<NoticeTemplate> current() {
    return load(VERSIONS + " join notice_template t on t.notice_type = v.notice_type and t.current_version = v.version"
        + " order by v.notice_type", Map.of());
  }

  Optional<Integer> currentVersion(NoticeType type) {
    return sql.sql("select current_version from notice_template where notice_type = :type")
        .param("type", type.name()).query(Integer.class).optional();
  }

  /** The type's versions, newest first. */
  List<NoticeTemplateVersion> versions(NoticeType type) {
    return sql.sql("""
            select version, comment, created_by, created_at from notice_template_version
             where notice_type = :type order by version desc""")
        .param("type", type.name())
        .query((row, n) -> new NoticeTemplateVersion(row.getInt(1), row.getString(2), row.getString(3),
            row.getTimestamp(4).toInstant()))
        .list();
  }

  /**
   * Makes the type's next version current and returns its number. The row lock it takes serialises concurrent
   * saves of the same type until the transaction ends.
   */
  int nextVersion(NoticeType type) {
    return sql.sql("""
            insert into notice_template (notice_type, current_version) values (:type, 1)
            on conflict (notice_type) do update set current_version = notice_template.current_version + 1
            returning current_version""")
        .param("type", type.name()).query(Integer.class).single();
  }

  void insert(NoticeType type, int version, NoticeTemplateContent content, String comment, String author) {
    TemplateZns zns = content.zns();
    sql.sql("""
            insert into notice_template_version (notice_type, version, sms_text, sms_may_drop_accents,
                                                 zns_template_id, zns_params, comment, created_by)
            values (:type, :version, :smsText, :mayDropAccents, :znsTemplateId, cast(:znsParams as jsonb), :comment,
                    :author)""")
        .param("type", type.name()).param("version", version)
        .param("smsText", content.sms().text()).param("mayDropAccents", content.sms().mayDropAccents())
        .param("znsTemplateId", zns == null ? null : zns.templateId())
        .param("znsParams", write(zns == null || zns.params() == null ? Map.of() : zns.params()))
        .param("comment", comment).param("author", author)
        .update();
    content.texts().forEach((language, text) -> sql.sql("""
            insert into notice_template_text (notice_type, version, language, title, body, html)
            values (:type, :version, :language, :title, :body, :html)""")
        .param("type", type.name()).param("version", version).param("language", language)
        .param("title", text.title()).param("body", text.text()).param("html", text.html())
        .update());
  }

  private List<NoticeTemplate> load(String query, Map<String, ?> params) {
    record Row(NoticeType type, int version, TemplateSms sms, TemplateZns zns, String comment, String createdBy,
               java.time.Instant createdAt) {
    }
    List<Row> rows = sql.sql(query).params(params)
        .query((row, n) -> new Row(NoticeType.valueOf(row.getString(1)), row.getInt(2),
            new TemplateSms(row.getString(3), row.getBoolean(4)),
            new TemplateZns(row.getString(5), read(row.getString(6))),
            row.getString(7), row.getString(8), row.getTimestamp(9).toInstant()))
        .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, TemplateText>> texts = new HashMap<>();
    sql.sql("""
            select notice_type, version, language, title, body, html from notice_template_text
             where (notice_type, version) in (select * from unnest(cast(:types as text[]), cast(:versions as int[])))
             order by language desc""") // vi first
        .param("types", rows.stream().map(row -> row.type().name()).toArray(String[]::new))
        .param("versions", rows.stream().map(Row::version).toArray(Integer[]::new))
        .query((row, n) -> texts.computeIfAbsent(row.getString(1) + ":" + row.getInt(2), key -> new LinkedHashMap<>())
            .put(row.getString(3), new TemplateText(row.getString(4), row.getString(5), row.getString(6))))
        .list();
    List<NoticeTemplate> templates = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Map<String, TemplateText> byLanguage = texts.getOrDefault(row.type().name() + ":" + row.version(), Map.of());
      templates.add(new NoticeTemplate(row.type(), row.version(),
          new NoticeTemplateContent(byLanguage, row.sms(), row.zns()), row.comment(), row.createdBy(),
          row.createdAt()));
    }
    return templates;
  }

  private String write(Map<String, String> params) {
    try {
      return json.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> read(String params) {
    try {
      return json.readValue(params, PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored ZNS parameters no longer read", e);
    }
  }
}
