package io.gridcare.notifications;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What an SMS costs: its encoding and how many segments it takes. GSM-7 (GSM 03.38 basic table, extension
 * characters counting twice) fits 160 septets in one segment, 153 per segment when concatenated; anything else is
 * UCS-2, 70 UTF-16 units in one segment, 67 per segment when concatenated. Vietnamese with diacritics is UCS-2.
 */
public final class SmsSegments {

  public enum Encoding {
    GSM_7, UCS_2
  }

  /**
   * @param encoding the encoding the text needs
   * @param units    septets (GSM-7, an extension character counting two) or UTF-16 units (UCS-2)
   * @param segments segments it takes; an empty text still takes one
   */
  public record Measure(Encoding encoding, int units, int segments) {
  }

  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private SmsSegments() {
  }

  /** Segments this text takes. */
  public static int count(String text) {
    return measure(text).segments();
  }

  public static Encoding encoding(String text) {
    return isGsm(text) ? Encoding.GSM_7 : Encoding.UCS_2;
  }

  public static Measure measure(String text) {
    if (isGsm(text)) {
      int[] costs = text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray();
      return measure(Encoding.GSM_7, costs, 160, 153);
    }
    // a surrogate pair (emoji) is two units and is never split between segments
    int[] costs = text.codePoints().map(Character::charCount).toArray();
    return measure(Encoding.UCS_2, costs, 70, 67);
  }

  /**
   * The text without Vietnamese diacritics ({@code "Điện lực" -> "Dien luc"}), as SMS brandname messages are often
   * sent to fit GSM-7. Other characters outside GSM-7 stay as they are.
   */
  public static String withoutAccents(String text) {
    String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return Normalizer.normalize(stripped.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFC);
  }

  private static boolean isGsm(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Fills segments greedily, as senders split: a two-unit character that does not fit starts the next segment. */
  private static Measure measure(Encoding encoding, int[] costs, int single, int part) {
    int units = 0;
    for (int cost : costs) {
      units += cost;
    }
    if (units <= single) {
      return new Measure(encoding, units, 1);
    }
    int segments = 1;
    int used = 0;
    for (int cost : costs) {
      if (used + cost > part) {
        segments++;
        used = 0;
      }
      used += cost;
    }
    return new Measure(encoding, units, segments);
  }
}
