package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void mobileWrittenTheVietnameseWayBecomesE164() {
    assertThat(PhoneNumbers.normalise("0912 345 678")).hasValue("+84912345678");
  }

  @Test
  void numberWithCountryCodeButNoPlusIsTheSameNumber() {
    assertThat(PhoneNumbers.normalise("84912345678")).hasValue("+84912345678");
    assertThat(PhoneNumbers.normalise("+84-912-345-678")).hasValue("+84912345678");
  }

  @Test
  void hanoiLandlineIsValid() {
    assertThat(PhoneNumbers.normalise("024 3826 5555")).hasValue("+842438265555");
  }

  @Test
  void tooShortOrNonNumericIsRefused() {
    assertThat(PhoneNumbers.normalise("12345")).isEmpty();
    assertThat(PhoneNumbers.normalise("không có")).isEmpty();
  }

  @Test
  void onlyVietnameseMobilesAreMobiles() {
    assertThat(PhoneNumbers.vietnameseMobile("0912 345 678")).hasValue("+84912345678");
    assertThat(PhoneNumbers.vietnameseMobile("+84 38 123 4567")).hasValue("+84381234567");
    assertThat(PhoneNumbers.vietnameseMobile("024 3826 5555")).as("a Hanoi landline").isEmpty();
    assertThat(PhoneNumbers.vietnameseMobile("+1 202 555 0147")).as("a foreign number").isEmpty();
    assertThat(PhoneNumbers.vietnameseMobile("0912")).isEmpty();
    assertThat(PhoneNumbers.vietnameseMobile(null)).isEmpty();
  }
}
