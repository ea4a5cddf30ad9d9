package io.gridcare.notifications.worker;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a text goes out as SMS: in the GSM 03.38 default alphabet when it fits (160 characters a segment), else,
 * where the template allows it and the Vietnamese text without diacritics fits one GSM segment, unaccented, else
 * in UCS-2 (70 a segment). Operators charge per segment, so a Vietnamese notice of 100 characters costs two
 * UCS-2 segments with its accents and one without.
 */
final class SmsEncoding {

  static final byte GSM7 = 0x00;
  static final byte UCS2 = 0x08;

  static final int GSM7_SINGLE = 160;
  static final int GSM7_PART = 153;
  static final int UCS2_SINGLE = 70;
  static final int UCS2_PART = 67;

  private static final char ESCAPE = 0x1B;
  /** The default alphabet in code order; position 0x1B is the escape to the extension table. */
  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** Characters of the extension table, each sent as the escape and this code: two septets. */
  private static final Map<Character, Byte> EXTENSION = Map.of('\f', (byte) 0x0A, '^', (byte) 0x14,
      '{', (byte) 0x28, '}', (byte) 0x29, '\\', (byte) 0x2F, '[', (byte) 0x3C, '~', (byte) 0x3D,
      ']', (byte) 0x3E, '|', (byte) 0x40, '€', (byte) 0x65);
  private static final Map<Character, Byte> SEPTETS = new HashMap<>();
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  static {
    for (int code = 0; code < BASIC.length(); code++) {
      if (code != ESCAPE) {
        SEPTETS.put(BASIC.charAt(code), (byte) code);
      }
    }
  }

  private SmsEncoding() {
  }

  /**
   * The text as it will be sent.
   *
   * @param dataCoding {@link #GSM7} or {@link #UCS2}
   * @param text       what is sent: the original, or its unaccented form
   * @param unaccented whether the diacritics were dropped
   * @param segments   the payload of each segment, without the concatenation header
   */
  record Encoded(byte dataCoding, String text, boolean unaccented, List<byte[]> segments) {

    String encoding() {
      return dataCoding == GSM7 ? "GSM-7" : "UCS-2";
    }
  }

  static Encoded encode(String text, boolean mayDropAccents) {
    if (fitsGsm(text)) {
      return new Encoded(GSM7, text, false, gsmSegments(text));
    }
    if (mayDropAccents) {
      String plain = unaccented(text);
      if (fitsGsm(plain) && septets(plain) <= GSM7_SINGLE) {
        return new Encoded(GSM7, plain, true, gsmSegments(plain));
      }
    }
    return new Encoded(UCS2, text, false, ucs2Segments(text));
  }

  /** Vietnamese without diacritics: "Điện lực Hà Nội" becomes "Dien luc Ha Noi" (đ has no decomposition). */
  static String unaccented(String text) {
    String bare = text.replace('đ', 'd').replace('Đ', 'D');
    return MARKS.matcher(Normalizer.normalize(bare, Normalizer.Form.NFD)).replaceAll("");
  }

  static boolean fitsGsm(String text) {
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (!SEPTETS.containsKey(character) && !EXTENSION.containsKey(character)) {
        return false;
      }
    }
    return true;
  }

  /** Septets the GSM text takes: extension characters take two. */
  static int septets(String text) {
    int septets = 0;
    for (int index = 0; index < text.length(); index++) {
      septets += EXTENSION.containsKey(text.charAt(index)) ? 2 : 1;
    }
    return septets;
  }

  /** One septet a byte (unpacked), as SMPP carries data_coding 0; an escape pair is never split. */
  private static List<byte[]> gsmSegments(String text) {
    int capacity = septets(text) <= GSM7_SINGLE ? GSM7_SINGLE : GSM7_PART;
    List<byte[]> segments = new ArrayList<>();
    byte[] current = new byte[capacity];
    int length = 0;
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      Byte extension = EXTENSION.get(character);
      int size = extension == null ? 1 : 2;
      if (length + size > capacity) {
        segments.add(Arrays.copyOf(current, length));
        length = 0;
      }
      if (extension == null) {
        current[length++] = SEPTETS.get(character);
      } else {
        current[length++] = ESCAPE;
        current[length++] = extension;
      }
    }
    segments.add(Arrays.copyOf(current, length));
    return segments;
  }

  /** UTF-16 big-endian; a surrogate pair (an emoji) is never split. */
  private static List<byte[]> ucs2Segments(String text) {
    int capacity = text.length() <= UCS2_SINGLE ? UCS2_SINGLE : UCS2_PART;
    List<byte[]> segments = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + capacity);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      segments.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
      start = end;
    }
    if (segments.isEmpty()) {
      segments.add(new byte[0]);
    }
    return segments;
  }

  /**
   * The segments as sent: alone, or each behind a concatenation header (8-bit reference, parts, part number)
   * that the handset uses to join them.
   */
  static List<byte[]> withHeaders(List<byte[]> segments, int reference) {
    if (segments.size() == 1) {
      return segments;
    }
    List<byte[]> parts = new ArrayList<>(segments.size());
    for (int index = 0; index < segments.size(); index++) {
      byte[] payload = segments.get(index);
      byte[] part = new byte[6 + payload.length];
      part[0] = 0x05;
      part[1] = 0x00;
      part[2] = 0x03;
      part[3] = (byte) reference;
      part[4] = (byte) segments.size();
      part[5] = (byte) (index + 1);
      System.arraycopy(payload, 0, part, 6, payload.length);
      parts.add(part);
    }
    return parts;
  }
}
