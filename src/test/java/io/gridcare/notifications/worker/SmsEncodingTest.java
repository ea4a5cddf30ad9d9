package io.gridcare.notifications.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.gridcare.notifications.worker.SmsEncoding.Encoded;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {

  private static final String OUTAGE = "Điện lực Hà Nội thông báo: tạm ngừng cấp điện ngày 12/11 từ 8h đến 17h "
      + "tại phường Cống Vị để bảo dưỡng lưới điện.";

  @Test
  void plainTextGoesInTheGsmAlphabet() {
    Encoded encoded = SmsEncoding.encode("EVNHANOI: Tien dien thang 10 la 185.000 dong. Han thanh toan 15/11.", false);

    assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.GSM7);
    assertThat(encoded.unaccented()).isFalse();
    assertThat(encoded.segments()).hasSize(1);
    assertThat(encoded.segments().get(0)).startsWith((byte) 'E', (byte) 'V', (byte) 'N');
  }

  @Test
  void gsmAlphabetIncludesSomeAccentedLatinLettersButNotVietnameseOnes() {
    assertThat(SmsEncoding.fitsGsm("Cà Mau, é, ü, Ñ, £ @ €")).isTrue();
    assertThat(SmsEncoding.fitsGsm("Cà phê")).as("ê").isFalse();
    assertThat(SmsEncoding.fitsGsm("Đà Nẵng")).isFalse();
  }

  @Test
  void gsmMessagesTake160CharactersAloneAnd153APart() {
    assertThat(SmsEncoding.encode("a".repeat(160), false).segments()).hasSize(1);
    assertThat(SmsEncoding.encode("a".repeat(161), false).segments()).extracting(part -> part.length)
        .containsExactly(153, 8);
    assertThat(SmsEncoding.encode("a".repeat(306), false).segments()).hasSize(2);
    assertThat(SmsEncoding.encode("a".repeat(307), false).segments()).hasSize(3);
  }

  @Test
  void extensionCharactersTakeTwoSeptetsAndAreNeverSplit() {
    assertThat(SmsEncoding.septets("[5€]")).isEqualTo(7);
    assertThat(SmsEncoding.encode("a".repeat(159) + "€", false).segments()).as("161 septets").hasSize(2);

    List<byte[]> parts = SmsEncoding.encode("a".repeat(152) + "€" + "b".repeat(10), false).segments();

    assertThat(parts.get(0)).hasSize(152);
    assertThat(parts.get(1)).startsWith((byte) 0x1B, (byte) 0x65);
  }

  @Test
  void vietnameseWithDiacriticsGoesInUcs2() {
    Encoded encoded = SmsEncoding.encode("Điện lực Hà Nội", false);

    assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.UCS2);
    assertThat(new String(encoded.segments().get(0), StandardCharsets.UTF_16BE)).isEqualTo("Điện lực Hà Nội");
  }

  @Test
  void ucs2MessagesTake70CharactersAloneAnd67APart() {
    assertThat(SmsEncoding.encode("ạ".repeat(70), false).segments()).hasSize(1);
    assertThat(SmsEncoding.encode("ạ".repeat(71), false).segments()).extracting(part -> part.length / 2)
        .containsExactly(67, 4);
    assertThat(SmsEncoding.encode("ạ".repeat(134), false).segments()).hasSize(2);
    assertThat(SmsEncoding.encode("ạ".repeat(135), false).segments()).hasSize(3);
  }

  @Test
  void anEmojiIsNeverSplitBetweenParts() {
    List<byte[]> parts = SmsEncoding.encode("ạ".repeat(66) + "😀" + "ạ".repeat(10), false).segments();

    assertThat(parts.get(0).length / 2).isEqualTo(66);
    assertThat(new String(parts.get(1), StandardCharsets.UTF_16BE)).startsWith("😀");
  }

  @Test
  void dropsVietnameseDiacritics() {
    assertThat(SmsEncoding.unaccented("Điện lực Hà Nội")).isEqualTo("Dien luc Ha Noi");
    assertThat(SmsEncoding.unaccented("Nguyễn Thị Ánh Tuyết, Đống Đa")).isEqualTo("Nguyen Thi Anh Tuyet, Dong Da");
    assertThat(SmsEncoding.unaccented("ư ơ ă â ê ô đ Ư Ơ Ă Â Ê Ô Đ")).isEqualTo("u o a a e o d U O A A E O D");
    assertThat(SmsEncoding.unaccented("Quý khách vui lòng thanh toán trước ngày 15/11"))
        .isEqualTo("Quy khach vui long thanh toan truoc ngay 15/11");
  }

  @Test
  void sendsUnaccentedWhenAllowedAndItFitsOneGsmSegment() {
    Encoded encoded = SmsEncoding.encode(OUTAGE, true);

    assertThat(SmsEncoding.encode(OUTAGE, false).segments()).as("accented: two UCS-2 parts").hasSize(2);
    assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.GSM7);
    assertThat(encoded.unaccented()).isTrue();
    assertThat(encoded.text()).isEqualTo("Dien luc Ha Noi thong bao: tam ngung cap dien ngay 12/11 tu 8h den 17h "
        + "tai phuong Cong Vi de bao duong luoi dien.");
    assertThat(encoded.segments()).hasSize(1);
  }

  @Test
  void keepsTheAccentsWhenTheTemplateDoesNotAllowDroppingThem() {
    Encoded encoded = SmsEncoding.encode(OUTAGE, false);

    assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.UCS2);
    assertThat(encoded.text()).isEqualTo(OUTAGE);
  }

  @Test
  void keepsTheAccentsWhenTheUnaccentedTextWouldStillNeedSeveralSegments() {
    String longNotice = OUTAGE + " " + OUTAGE;

    Encoded encoded = SmsEncoding.encode(longNotice, true);

    assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.UCS2);
    assertThat(encoded.unaccented()).isFalse();
    assertThat(encoded.segments()).hasSize(4);
  }

  @Test
  void keepsTheAccentsWhenTheUnaccentedTextStillHasCharactersOutsideGsm() {
    Encoded encoded = SmsEncoding.encode("Điện lực thông báo “mất điện”", true);

    assertThat(encoded.dataCoding()).isEqualTo(SmsEncoding.UCS2);
  }

  @Test
  void partsCarryAConcatenationHeader() {
    List<byte[]> parts = SmsEncoding.withHeaders(List.of(new byte[] {1, 2}, new byte[] {3}), 0x1A2);

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).containsExactly(0x05, 0x00, 0x03, 0xA2, 0x02, 0x01, 1, 2);
    assertThat(parts.get(1)).containsExactly(0x05, 0x00, 0x03, 0xA2, 0x02, 0x02, 3);
    assertThat(SmsEncoding.withHeaders(List.of(new byte[] {1}), 7)).singleElement()
        .satisfies(alone -> assertThat(alone).containsExactly(1));
  }
}
