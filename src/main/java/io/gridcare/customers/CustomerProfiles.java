package io.gridcare.customers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profiles of many customers at once, for flows that work through an audience (notices to every recipient). */
@Service
@Transactional(readOnly = true)
public class CustomerProfiles {

  private final JdbcClient sql;
  private final ObjectMapper json;

  CustomerProfiles(JdbcClient sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  /** The parts of a profile a flow may ask for; the code and unit always come. */
  public enum Part {
    IDENTITY("identity"), CONTACT("contact"), LOCATION("location");

    private final String field;

    Part(String field) {
      this.field = field;
    }
  }

  /** The profiles of those of these customers that exist, by code. */
  public Map<String, CustomerProfile> profiles(Collection<String> codes) {
    return read(codes, "profile::text");
  }

  /**
   * The same with only some parts filled in, the others null: a notice to 100,000 customers reads and parses only
   * what it uses of each profile, about a third of it.
   */
  public Map<String, CustomerProfile> profiles(Collection<String> codes, Set<Part> parts) {
    StringBuilder select = new StringBuilder("jsonb_build_object('code', profile -> 'code', 'unitCode', profile -> 'unitCode'");
    parts.stream().sorted().forEach(part -> select.append(", '").append(part.field).append("', profile -> '")
        .append(part.field).append('\''));
    return read(codes, select.append(")::text").toString());
  }

  private Map<String, CustomerProfile> read(Collection<String> codes, String profileColumn) {
    Map<String, CustomerProfile> profiles = new HashMap<>();
    if (codes.isEmpty()) {
      return profiles;
    }
    sql.sql("select code, " + profileColumn + " from customer where code = any(:codes)")
        .param("codes", codes.toArray(String[]::new))
        .query((row, n) -> profiles.put(row.getString(1), read(row.getString(2)))).list();
    return profiles;
  }

  public Optional<CustomerProfile> profile(String code) {
    return Optional.ofNullable(profiles(List.of(code)).get(code));
  }

  /** The customers whose mobile number (E.164, as {@link PhoneNumbers#normalise} writes it) is this one. */
  public List<CustomerProfile> withMobile(String mobile) {
    return sql.sql("select profile::text from customer where profile -> 'contact' ->> 'mobile' = :mobile"
            + " order by code limit 20")
        .param("mobile", mobile).query((row, n) -> read(row.getString(1))).list();
  }

  private CustomerProfile read(String profile) {
    try {
      return json.readValue(profile, CustomerProfile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored profile no longer reads", e);
    }
  }
}
