package io.gridcare.units;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The districts each Power Company serves. Names compare the way people type them: without diacritics, case or
 * the administrative prefix ("Quận Cầu Giấy" is "cau giay").
 */
@Service
public class UnitAreas {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern PREFIX =
      Pattern.compile("^(quan|huyen|thi xa|thanh pho|tp\\.?|tinh|phuong|xa|thi tran)\\s+");

  /** A handful of rows read on every portal validation: kept a minute, as unit areas change rarely. */
  private final LoadingCache<String, List<Area>> areas;

  UnitAreas(JdbcClient sql) {
    this.areas = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build(key -> sql
        .sql("select unit_code, province, district from unit_district order by unit_code")
        .query((row, n) -> new Area(row.getString(1), fold(row.getString(2)), fold(row.getString(3)))).list());
  }

  private record Area(String unit, String province, String district) {
  }

  /** The units serving this district; a province that is not given matches any. */
  public List<String> unitsServing(String province, String district) {
    String foldedDistrict = fold(district);
    String foldedProvince = province == null || province.isBlank() ? null : fold(province);
    return areas.get("all").stream()
        .filter(area -> area.district().equals(foldedDistrict))
        .filter(area -> foldedProvince == null || area.province().equals(foldedProvince))
        .map(Area::unit).distinct().toList();
  }

  /** A place name folded for comparison: "Quận Đống Đa" → "dong da". */
  public static String fold(String name) {
    if (name == null) {
      return "";
    }
    String folded = MARKS.matcher(Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD))
        .replaceAll("").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    return PREFIX.matcher(folded).replaceFirst("");
  }
}
