package io.gridcare.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcare.notifications.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  @Test
  void plainTextFitsOneGsmSegmentUpTo160Characters() {
    assertThat(SmsSegments.measure("a".repeat(160))).isEqualTo(new SmsSegments.Measure(Encoding.GSM_7, 160, 1));
    assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
  }

  @Test
  void gsmExtensionCharactersCountTwiceAndAreNotSplit() {
    assertThat(SmsSegments.measure("€".repeat(80))).isEqualTo(new SmsSegments.Measure(Encoding.GSM_7, 160, 1));
    assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    // 152 septets then an escape pair: the pair goes whole into the second segment
    assertThat(SmsSegments.count("a".repeat(152) + "[" + "a".repeat(152))).isEqualTo(3);
    assertThat(SmsSegments.count("a".repeat(151) + "[" + "a".repeat(153))).isEqualTo(2);
  }

  @Test
  void vietnameseWithDiacriticsIsUcs2With70CharactersPerSegment() {
    String accented = "Điện lực";
    assertThat(SmsSegments.encoding(accented)).isEqualTo(Encoding.UCS_2);
    assertThat(SmsSegments.count("đ".repeat(70))).isEqualTo(1);
    assertThat(SmsSegments.count("đ".repeat(71))).isEqualTo(2);
    assertThat(SmsSegments.count("đ".repeat(134))).isEqualTo(2);
    assertThat(SmsSegments.count("đ".repeat(135))).isEqualTo(3);
  }

  @Test
  void gsmAccentedLettersStayGsm() {
    assertThat(SmsSegments.encoding("Café à Noël? Ñandú")).isEqualTo(Encoding.UCS_2);
    assertThat(SmsSegments.encoding("Café à l'Élysée")).isEqualTo(Encoding.GSM_7);
  }

  @Test
  void emojiTakeTwoUnitsAndAreNeverSplit() {
    assertThat(SmsSegments.measure("⚡".repeat(70)).segments()).isEqualTo(1);
    SmsSegments.Measure emoji = SmsSegments.measure("a".repeat(66) + "😀" + "a".repeat(66));
    assertThat(emoji.units()).isEqualTo(134);
    assertThat(emoji.segments()).as("66 + pair does not fit 67: the pair opens the second segment").isEqualTo(3);
  }

  @Test
  void emptyTextStillTakesOneSegment() {
    assertThat(SmsSegments.measure("")).isEqualTo(new SmsSegments.Measure(Encoding.GSM_7, 0, 1));
  }

  @Test
  void droppingAccentsTurnsVietnameseIntoGsm() {
    String plain = SmsSegments.withoutAccents("Điện lực Sóc Sơn: Tiền điện kỳ 11/2026 là 685.400 đ, ưu đãi Ở ĐÂY");
    assertThat(plain).isEqualTo("Dien luc Soc Son: Tien dien ky 11/2026 la 685.400 d, uu dai O DAY");
    assertThat(SmsSegments.encoding(plain)).isEqualTo(Encoding.GSM_7);
  }
}
