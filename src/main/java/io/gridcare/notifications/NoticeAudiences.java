package io.gridcare.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gridcare.customers.Audience;
import io.gridcare.customers.CustomerAudiences;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerProfiles;
import org.springframework.stereotype.Component;

/**
 * Step 3: the notice's audience, resolved through Customer 360 into the ledger (or the one contact it names),
 * duplicates merged.
 */
@Component
class NoticeAudiences {

  private static final int PAGE = 5000;

  private final CustomerAudiences audiences;
  private final CustomerProfiles profiles;
  private final Ledger ledger;

  NoticeAudiences(CustomerAudiences audiences, CustomerProfiles profiles, Ledger ledger) {
    this.audiences = audiences;
    this.profiles = profiles;
    this.ledger = ledger;
  }

  long count(Notice notice) {
    if (NoticeContact.of(notice).isPresent()) {
      return 1;
    }
    String single = (String) notice.audience().get("customerCode");
    return single != null ? profiles.profiles(List.of(single)).size() : audiences.count(audience(notice));
  }

  /** Writes every customer of the audience as a recipient; answers how many were merged as duplicates. */
  int prepare(Notice notice) {
    Optional<NoticeContact> contact = NoticeContact.of(notice);
    String single = (String) notice.audience().get("customerCode");
    if (contact.isPresent()) {
      // not in Customer 360: no grid location, and the unit is the one handling their request, if any
      ledger.addRecipients(notice.id(),
          List.of(new Ledger.Recipient(contact.get().key(), contact.get().unitCode(), null, null)));
    } else if (single != null) {
      add(notice.id(), List.of(single));
    } else {
      Audience audience = audience(notice);
      String after = null;
      do {
        CustomerAudiences.MemberPage page = audiences.members(audience, after, PAGE);
        ledger.addRecipients(notice.id(), page.members().stream().map(member -> new Ledger.Recipient(member.code(),
            member.unitCode(), member.substation(), member.meterBook())).toList());
        after = page.next();
      } while (after != null);
    }
    return ledger.mergeDuplicates(notice);
  }

  private void add(long noticeId, List<String> codes) {
    Map<String, CustomerProfile> byCode = profiles.profiles(codes, Set.of(CustomerProfiles.Part.LOCATION));
    List<Ledger.Recipient> recipients = new ArrayList<>(byCode.size());
    for (String code : codes) {
      CustomerProfile profile = byCode.get(code);
      if (profile != null) {
        recipients.add(new Ledger.Recipient(code, profile.unitCode(),
            profile.location() == null ? null : profile.location().substation(),
            profile.location() == null ? null : profile.location().meterBook()));
      }
    }
    ledger.addRecipients(noticeId, recipients);
  }

  @SuppressWarnings("unchecked")
  static Audience audience(Notice notice) {
    Map<String, Object> audience = notice.audience();
    return new Audience((String) audience.get("unit"), (List<String>) audience.get("substations"),
        (List<String>) audience.get("feeders"), List.of(), null);
  }
}
