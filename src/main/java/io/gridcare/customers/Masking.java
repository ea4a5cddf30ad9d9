package io.gridcare.customers;

/** Personal data as staff without the personal-data permission see it: enough to recognise, not to use. */
public final class Masking {

  private Masking() {
  }

  /** {@code +84912345678} to {@code +849*****678}. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 8) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 4) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 3);
  }

  /** {@code lan.nguyen@example.vn} to {@code l*********@example.vn}. */
  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 1 ? "*" + email.substring(Math.max(at, 0)) : email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
  }

  /** All but the last four characters. */
  static String idNumber(String id) {
    if (id == null) {
      return null;
    }
    return id.length() <= 4 ? "*".repeat(id.length()) : "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
  }

  static CustomerProfile profile(CustomerProfile profile) {
    CustomerProfile.Identity identity = profile.identity() == null ? null : new CustomerProfile.Identity(
        profile.identity().fullName(), profile.identity().customerType(), idNumber(profile.identity().idNumber()),
        profile.identity().birthOrFoundingDate(), profile.identity().status());
    CustomerProfile.Contact c = profile.contact();
    CustomerProfile.Contact contact = c == null ? null : new CustomerProfile.Contact(phone(c.mobile()),
        phone(c.alternatePhone()), email(c.email()), c.zaloUserId(), c.appRegistered(), c.pushTokens(),
        c.preferredChannel(), c.language(), c.optedOut(), c.quietHoursStart(), c.quietHoursEnd());
    return new CustomerProfile(profile.code(), profile.unitCode(), identity, contact, profile.location(),
        profile.contract(), profile.consumption(), profile.billing(), profile.supply(), profile.service(),
        profile.updatedAt());
  }
}
