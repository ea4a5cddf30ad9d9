package io.gridcare.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.gridcare.customers.Channel;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerProfiles;
import io.gridcare.units.Unit;
import io.gridcare.units.Units;
import org.springframework.stereotype.Service;

/**
 * Turns claimed attempts into messages: the notice's template version rendered for each recipient in its
 * language, only the parts its channel sends (an e-mail's HTML is most of a message), with the address the channel needs (a customer's from Customer 360, a contact's from the notice). A
 * recipient who has lost that address since routing (or a template that cannot be filled) is answered at once as
 * refused, so the recipient moves to its next channel.
 */
@Service
class OutgoingMessages {

  /** What a message takes from a profile: addresses and language, name, and address for the template. */
  private static final Set<CustomerProfiles.Part> MESSAGE_PARTS = Set.of(CustomerProfiles.Part.CONTACT,
      CustomerProfiles.Part.IDENTITY, CustomerProfiles.Part.LOCATION);

  private final Notices notices;
  private final NoticeTemplates templates;
  private final CustomerProfiles profiles;
  private final Units units;
  private final Attempts attempts;

  OutgoingMessages(Notices notices, NoticeTemplates templates, CustomerProfiles profiles, Units units,
      Attempts attempts) {
    this.notices = notices;
    this.templates = templates;
    this.profiles = profiles;
    this.units = units;
    this.attempts = attempts;
  }

  /** The messages to send, and the attempts refused here with the reason. */
  record Prepared(List<OutgoingMessage> messages, Map<String, String> refused) {
  }

  Prepared prepare(List<Attempts.Claimed> claimed) {
    List<OutgoingMessage> messages = new ArrayList<>();
    Map<String, String> refused = new LinkedHashMap<>();
    if (claimed.isEmpty()) {
      return new Prepared(messages, refused);
    }
    Map<String, CustomerProfile> byCode = profiles.profiles(claimed.stream().map(Attempts.Claimed::customerCode)
        .filter(code -> !NoticeContact.isKey(code)).toList(), MESSAGE_PARTS);
    Map<String, String> unitNames = units.findAll().stream().collect(Collectors.toMap(Unit::code, Unit::name));
    Map<Long, Notice> noticesById = new HashMap<>();
    List<String> tokens = claimed.stream().filter(attempt -> attempt.channel() == Channel.APP)
        .map(attempt -> byCode.get(attempt.customerCode())).filter(profile -> profile != null && profile.contact() != null)
        .flatMap(profile -> profile.contact().pushTokens().stream()).toList();
    List<String> dropped = attempts.dropped(tokens);
    for (Attempts.Claimed attempt : claimed) {
      Notice notice = noticesById.computeIfAbsent(attempt.noticeId(), notices::get);
      Addressee addressee = NoticeContact.isKey(attempt.customerCode())
          ? NoticeContact.of(notice).filter(contact -> contact.key().equals(attempt.customerCode()))
              .map(contact -> addressee(attempt.channel(), notice, contact, unitNames)).orElse(null)
          : addressee(attempt.channel(), notice, byCode.get(attempt.customerCode()), dropped, unitNames);
      if (addressee == null || addressee.addresses().isEmpty()) {
        refused.put(attempt.deliveryKey(), "NO_ADDRESS: Khách hàng không còn địa chỉ cho kênh này / the customer has "
            + "no address on this channel any more");
        continue;
      }
      List<String> addresses = addressee.addresses();
      String language = addressee.language();
      RenderedTemplate rendered;
      try {
        rendered = templates.compiled(notice.type(), notice.templateVersion()).render(language, addressee.values(),
            attempt.channel());
      } catch (TemplateMissingVariablesException e) {
        refused.put(attempt.deliveryKey(), "TEMPLATE: " + e.getMessage());
        continue;
      }
      messages.add(new OutgoingMessage(attempt.deliveryKey(), attempt.customerCode(), attempt.channel(), language,
          addresses, rendered.title(), rendered.text(), rendered.html(), rendered.smsText(),
          rendered.smsMayDropAccents(), rendered.znsTemplateId(), rendered.znsData(),
          Map.of("noticeId", Long.toString(notice.id()), "type", notice.type().name(),
              "deliveryKey", attempt.deliveryKey())));
    }
    return new Prepared(messages, refused);
  }

  /** A recipient as one message needs them: the channel's addresses, their language, the template's values. */
  private record Addressee(List<String> addresses, String language, Map<String, Object> values) {
  }

  private static Addressee addressee(Channel channel, Notice notice, CustomerProfile profile,
      List<String> droppedTokens, Map<String, String> unitNames) {
    if (profile == null) {
      return null;
    }
    String language = profile.contact() != null && "en".equals(profile.contact().language()) ? "en" : "vi";
    return new Addressee(addresses(channel, profile, droppedTokens), language, values(notice, profile, unitNames));
  }

  /** A contact is written to in Vietnamese, by the name they gave, from the unit handling their request. */
  private static Addressee addressee(Channel channel, Notice notice, NoticeContact contact,
      Map<String, String> unitNames) {
    Map<String, Object> values = new HashMap<>(notice.variables());
    if (contact.name() != null) {
      values.put("customerName", contact.name());
    }
    if (contact.unitCode() != null) {
      values.put("unitName", unitNames.getOrDefault(contact.unitCode(), contact.unitCode()));
    }
    return new Addressee(contact.addresses(channel), "vi", values);
  }

  static List<String> addresses(Channel channel, CustomerProfile profile, List<String> droppedTokens) {
    CustomerProfile.Contact contact = profile.contact();
    if (contact == null) {
      return List.of();
    }
    return switch (channel) {
      case APP -> contact.appRegistered()
          ? contact.pushTokens().stream().filter(token -> !droppedTokens.contains(token)).toList() : List.of();
      // ZNS reaches a Zalo account by its phone number; the Zalo user id says the customer follows the OA
      case ZALO -> contact.zaloUserId() != null && contact.mobile() != null ? List.of(contact.mobile()) : List.of();
      case EMAIL -> contact.email() != null ? List.of(contact.email()) : List.of();
      case SMS -> contact.mobile() != null ? List.of(contact.mobile()) : List.of();
    };
  }

  private static Map<String, Object> values(Notice notice, CustomerProfile profile, Map<String, String> unitNames) {
    Map<String, Object> values = new HashMap<>(notice.variables());
    values.put("customerCode", profile.code());
    values.put("unitName", unitNames.getOrDefault(profile.unitCode(), profile.unitCode()));
    if (profile.identity() != null && profile.identity().fullName() != null) {
      values.put("customerName", profile.identity().fullName());
    }
    if (profile.location() != null && profile.location().address() != null) {
      values.put("address", profile.location().address());
    }
    return values;
  }
}
