package io.gridcare.customers;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Vietnamese phone numbers as sources write them ({@code 0912 345 678}, {@code 84912345678}) to E.164. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {
  }

  /** The number in E.164 ({@code +84912345678}), or empty when it is not a valid number. */
  public static Optional<String> normalise(String raw) {
    return parse(raw).map(number -> UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
  }

  /**
   * A Vietnamese mobile number in E.164, or empty for anything else (a landline, a foreign number): the numbers
   * a brandname SMS and Zalo reach.
   */
  public static Optional<String> vietnameseMobile(String raw) {
    return parse(raw)
        .filter(number -> "VN".equals(UTIL.getRegionCodeForNumber(number))
            && UTIL.getNumberType(number) == PhoneNumberType.MOBILE)
        .map(number -> UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
  }

  private static Optional<PhoneNumber> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(raw, "VN");
      return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
