package io.gridcare.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gridcare.customers.Channel;
import io.gridcare.customers.PhoneNumbers;

/**
 * A recipient who is not (yet) a customer of Customer 360: a requester known by name, mobile number and maybe an
 * e-mail address, or only a phone number to verify. The ledger knows them by {@link #key()} where customers have
 * their code; the notice's audience keeps the rest, so nothing about them is looked up anywhere else.
 *
 * @param phone    the mobile number in E.164 ({@code +84912345678})
 * @param name     how templates address them; null when unknown
 * @param unitCode the Power Company handling their request; null when none does (a verification code)
 */
record NoticeContact(String name, String phone, String email, String unitCode) {

  /** Recipient keys of contacts: {@code tel:} and the number's E.164 digits, {@code tel:84912345678}. */
  static final String KEY_PREFIX = "tel:";
  private static final String AUDIENCE = "contact";

  /** From what an event gave; the phone must have passed {@link #validPhone} already. */
  static NoticeContact of(String name, String rawPhone, String email, String unitCode) {
    String phone = PhoneNumbers.vietnameseMobile(rawPhone)
        .orElseThrow(() -> new IllegalArgumentException("Not a Vietnamese mobile number"));
    return new NoticeContact(blankToNull(name), phone, blankToNull(email), blankToNull(unitCode));
  }

  /** The contact a notice is addressed to, if it is addressed to one. */
  @SuppressWarnings("unchecked")
  static Optional<NoticeContact> of(Notice notice) {
    if (!(notice.audience().get(AUDIENCE) instanceof Map<?, ?> contact)) {
      return Optional.empty();
    }
    Map<String, Object> fields = (Map<String, Object>) contact;
    return Optional.of(new NoticeContact((String) fields.get("name"), (String) fields.get("phone"),
        (String) fields.get("email"), (String) fields.get("unitCode")));
  }

  static boolean validPhone(String rawPhone) {
    return PhoneNumbers.vietnameseMobile(rawPhone).isPresent();
  }

  static boolean isKey(String recipient) {
    return recipient.startsWith(KEY_PREFIX);
  }

  /** The same phone is the same recipient, whatever name or e-mail address came with it. */
  String key() {
    return KEY_PREFIX + phone.substring(1);
  }

  /** The notice's audience: this contact. */
  Map<String, Object> asAudience() {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", name);
    contact.put("phone", phone);
    contact.put("email", email);
    contact.put("unitCode", unitCode);
    contact.values().removeIf(value -> value == null);
    return Map.of(AUDIENCE, contact);
  }

  /**
   * Where a channel reaches them: no App; Zalo ZNS by the phone number (ZNS needs no follower of the OA; a number
   * without a Zalo account is refused by Zalo and the recipient moves on); e-mail if they gave one; SMS.
   */
  List<String> addresses(Channel channel) {
    return switch (channel) {
      case APP -> List.of();
      case ZALO, SMS -> List.of(phone);
      case EMAIL -> email == null ? List.of() : List.of(email);
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
