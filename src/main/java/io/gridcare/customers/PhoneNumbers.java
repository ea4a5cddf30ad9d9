package io.gridcare.customers;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Vietnamese phone numbers as sources write them ({@code 0912 345 678}, {@code 84912345678}) to E.164. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {
  }

  /** The number in E.164 ({@code +84912345678}), or empty when it is not a valid number. */
  public static Optional<String> normalise(String raw) {
    try {
      PhoneNumber number = UTIL.parse(raw, "VN");
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
