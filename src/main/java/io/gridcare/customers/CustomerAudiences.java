package io.gridcare.customers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer codes of an audience, from PostgreSQL (the system of record, not the search index, so that a flow
 * reaches everyone who is in the audience now). Pages are keyset pages in code order: a flow walking millions
 * of customers neither skips nor repeats one while profiles change, and every page costs the same.
 */
@Service
@Transactional(readOnly = true)
public class CustomerAudiences {

  private final CustomerStore store;

  CustomerAudiences(CustomerStore store) {
    this.store = store;
  }

  /** Up to {@code limit} codes after {@code afterCode} (null: from the first), and where the next page starts. */
  public CodePage codes(Audience audience, String afterCode, int limit) {
    MemberPage page = members(audience, afterCode, limit);
    return new CodePage(page.members().stream().map(AudienceMember::code).toList(), page.next());
  }

  /** The same as {@link #codes}, each member with its unit and grid location. */
  public MemberPage members(Audience audience, String afterCode, int limit) {
    requireFilter(audience);
    // one more than asked tells whether another page follows, so the last page says so itself
    List<AudienceMember> members = store.audienceMembers(audience, afterCode, limit + 1);
    if (members.size() <= limit) {
      return new MemberPage(members, null);
    }
    List<AudienceMember> page = List.copyOf(members.subList(0, limit));
    return new MemberPage(page, page.get(limit - 1).code());
  }

  public long count(Audience audience) {
    requireFilter(audience);
    return store.audienceCount(audience);
  }

  private static void requireFilter(Audience audience) {
    if (audience.unfiltered()) {
      throw new IllegalArgumentException("An audience needs at least one filter");
    }
  }

  /** One page of members; {@code next} is the {@code after} of the following page, null on the last one. */
  public record MemberPage(List<AudienceMember> members, String next) {
  }

  /** One page of codes; {@code next} is the {@code after} of the following page, null on the last one. */
  public record CodePage(List<String> codes, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
  }
}
