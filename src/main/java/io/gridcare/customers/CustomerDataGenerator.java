package io.gridcare.customers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Realistic source records for made-up EVNHANOI customers: Vietnamese names and addresses by district, the grid
 * (substations, feeders, meter-reading books) of each unit, Vietnamese mobile numbers, consumption and payment
 * behaviour by customer type, and a share of customers on the App, Zalo and e-mail. Customer {@code i} is the
 * same customer in every source and every run with the same seed, so the five sources can be generated apart.
 * The records come as JSON (as {@code /api/sources/{source}/records} takes them) or as the five CSV files of a
 * bulk import.
 */
public final class CustomerDataGenerator {

  /** The 30 units of EVNHANOI with their main wards or communes, inner-city first. */
  private static final String[][] UNITS = {
      {"PD01", "Hoàn Kiếm", "Hàng Bạc", "Hàng Buồm", "Tràng Tiền"}, {"PD02", "Hai Bà Trưng", "Bạch Mai", "Lê Đại Hành", "Minh Khai"},
      {"PD03", "Ba Đình", "Điện Biên", "Kim Mã", "Ngọc Hà"}, {"PD04", "Đống Đa", "Văn Miếu", "Láng Hạ", "Kim Liên"},
      {"PD05", "Nam Từ Liêm", "Mỹ Đình 1", "Cầu Diễn", "Xuân Phương"}, {"PD06", "Thanh Trì", "Ngũ Hiệp", "Tam Hiệp", "Vĩnh Quỳnh"},
      {"PD07", "Gia Lâm", "Bát Tràng", "Đa Tốn", "Trâu Quỳ"}, {"PD08", "Đông Anh", "Uy Nỗ", "Kim Chung", "Vân Nội"},
      {"PD09", "Sóc Sơn", "Phù Linh", "Minh Phú", "Tân Minh"}, {"PD10", "Tây Hồ", "Quảng An", "Nhật Tân", "Bưởi"},
      {"PD11", "Thanh Xuân", "Khương Trung", "Nhân Chính", "Hạ Đình"}, {"PD12", "Cầu Giấy", "Dịch Vọng", "Nghĩa Đô", "Trung Hòa"},
      {"PD13", "Hoàng Mai", "Định Công", "Tương Mai", "Hoàng Liệt"}, {"PD14", "Long Biên", "Bồ Đề", "Ngọc Lâm", "Việt Hưng"},
      {"PD15", "Mê Linh", "Tiền Phong", "Quang Minh", "Đại Thịnh"}, {"PD16", "Hà Đông", "Văn Quán", "Mỗ Lao", "Kiến Hưng"},
      {"PD17", "Sơn Tây", "Đường Lâm", "Quang Trung", "Trung Hưng"}, {"PD18", "Chương Mỹ", "Xuân Mai", "Phụng Châu", "Thủy Xuân Tiên"},
      {"PD19", "Thạch Thất", "Thạch Hòa", "Bình Yên", "Hương Ngải"}, {"PD20", "Thường Tín", "Vân Tảo", "Hà Hồi", "Nhị Khê"},
      {"PD21", "Ba Vì", "Tản Lĩnh", "Vân Hòa", "Ba Trại"}, {"PD22", "Đan Phượng", "Tân Hội", "Đồng Tháp", "Phương Đình"},
      {"PD23", "Hoài Đức", "Trạm Trôi", "Kim Chung", "An Khánh"}, {"PD24", "Mỹ Đức", "Hương Sơn", "Phù Lưu Tế", "Đại Nghĩa"},
      {"PD25", "Phú Xuyên", "Phú Minh", "Chuyên Mỹ", "Tri Trung"}, {"PD26", "Phúc Thọ", "Võng Xuyên", "Sen Phương", "Hát Môn"},
      {"PD27", "Quốc Oai", "Sài Sơn", "Phượng Cách", "Ngọc Liệp"}, {"PD28", "Thanh Oai", "Kim Bài", "Bình Minh", "Cự Khê"},
      {"PD29", "Ứng Hòa", "Vân Đình", "Hòa Xá", "Đông Lỗ"}, {"PD30", "Bắc Từ Liêm", "Cổ Nhuế 1", "Xuân Đỉnh", "Phú Diễn"}};
  /** Units serving inner-city districts (as the unit catalog marks them). */
  private static final int INNER_CITY_UNITS = 12;
  private static final String[] STREETS = {"Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt",
      "Quang Trung", "Phan Chu Trinh", "Nguyễn Du", "Lê Duẩn", "Giải Phóng", "Hoàng Quốc Việt", "Xuân Thủy",
      "Trường Chinh", "Kim Mã", "Láng", "Nguyễn Văn Cừ", "Tam Trinh", "Phạm Văn Đồng", "Âu Cơ", "Lạc Long Quân"};
  private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
      "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh"};
  private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Công", "Tuấn"};
  private static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Phương"};
  private static final String[] GIVEN_MALE = {"Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hùng", "Khánh",
      "Long", "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt"};
  private static final String[] GIVEN_FEMALE = {"Anh", "Châu", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh",
      "Mai", "Nga", "Ngọc", "Quỳnh", "Tâm", "Thảo", "Trang", "Vân", "Yến", "Đào", "Oanh"};
  private static final String[] BUSINESS = {"Thành Công", "An Phát", "Hòa Bình", "Minh Long", "Đại Việt", "Phú Gia",
      "Sao Mai", "Hồng Hà", "Thăng Long", "Bảo Minh", "Việt Tiến", "Trường An"};
  private static final String[] MOBILE_PREFIXES = {"90", "91", "93", "94", "96", "97", "98", "86", "88", "32",
      "33", "34", "35", "36", "37", "38", "39", "70", "76", "77", "78", "79", "81", "82", "83", "84", "85"};

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private final long seed;
  private final ObjectMapper json;
  private final YearMonth currentMonth;
  private final Instant updatedAt;

  /**
   * @param now the generation time: bills and readings run up to the month before it, records are stamped with it
   */
  public CustomerDataGenerator(long seed, ObjectMapper json, Instant now) {
    this.seed = seed;
    this.json = json;
    this.currentMonth = YearMonth.from(now.atZone(ProfileAssembler.VIETNAM));
    this.updatedAt = now;
  }

  /** Customer {@code index}'s record from each source (outages and channels only where there are any). */
  public Map<Source, ObjectNode> customer(int index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    String[] unit = pickUnit(random);
    boolean urban = unitNumber(unit) <= INNER_CITY_UNITS;
    String code = unit[0] + "00" + String.format("%07d", index);
    CustomerType type = type(random);
    double baseKwh = baseKwh(type, random);
    boolean latePayer = random.nextDouble() < 0.15;

    Map<Source, ObjectNode> records = new EnumMap<>(Source.class);
    records.put(Source.BILLING, billing(random, code, unit, urban, type, baseKwh, latePayer));
    records.put(Source.METERING, metering(random, code, baseKwh));
    records.put(Source.CRM, crm(random, code));
    if (random.nextDouble() < 0.7) {
      records.put(Source.CHANNELS, channels(random, code));
    }
    records.put(Source.OUTAGES, outages(random, code, type));
    return records;
  }

  /**
   * Writes customers {@code from} to {@code from + count - 1} as the five sources' CSV files
   * ({@code docs/csv-import.md}), {@code billing.csv} and so on, into the directory; returns them by source.
   * Customers a source has no record of (channels) are left out of its file.
   */
  public Map<Source, Path> writeCsv(Path directory, int from, int count) throws IOException {
    Files.createDirectories(directory);
    Map<Source, Path> files = new EnumMap<>(Source.class);
    Map<Source, Writer> outs = new EnumMap<>(Source.class);
    Map<Source, SequenceWriter> writers = new EnumMap<>(Source.class);
    try {
      for (Source source : Source.values()) {
        Path file = directory.resolve(source.path() + ".csv");
        files.put(source, file);
        outs.put(source, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        writers.put(source, csvWriter(source, outs.get(source)));
      }
      for (int index = from; index < from + count; index++) {
        for (Map.Entry<Source, ObjectNode> record : customer(index).entrySet()) {
          writeRows(record.getKey(), record.getValue(), writers.get(record.getKey()));
        }
      }
      for (SequenceWriter writer : writers.values()) {
        writer.close();
      }
    } finally {
      for (Writer out : outs.values()) {
        out.close();
      }
    }
    return files;
  }

  /** Writes one source's CSV file of customers {@code from} to {@code from + count - 1}; leaves it open. */
  public void writeCsv(Source source, int from, int count, Writer out) throws IOException {
    try (SequenceWriter writer = csvWriter(source, out)) {
      for (int index = from; index < from + count; index++) {
        ObjectNode record = customer(index).get(source);
        if (record != null) {
          writeRows(source, record, writer);
        }
      }
    }
  }

  private static SequenceWriter csvWriter(Source source, Writer out) throws IOException {
    SequenceWriter writer = CSV.writer(CsvSchema.emptySchema()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValues(out);
    writer.write(CsvLayout.of(source).columns());
    return writer;
  }

  private static void writeRows(Source source, ObjectNode record, SequenceWriter writer) throws IOException {
    for (List<String> row : CsvLayout.of(source).rows(record)) {
      writer.write(row);
    }
  }

  private ObjectNode billing(SplittableRandom random, String code, String[] unit, boolean urban, CustomerType type,
      double baseKwh, boolean latePayer) {
    ObjectNode record = stamped(code);
    record.put("fullName", name(random, type));
    record.put("customerType", type.name());
    record.put("idNumber", String.format("%03d%09d", 1 + random.nextInt(96), random.nextInt(1_000_000_000)));
    record.put("status", random.nextDouble() < 0.98 ? "ACTIVE" : "SUSPENDED");
    String ward = unit[2 + random.nextInt(3)];
    record.put("address", urban
        ? "Số " + (1 + random.nextInt(200)) + ", ngõ " + (1 + random.nextInt(150)) + " phố "
            + STREETS[random.nextInt(STREETS.length)] + ", phường " + ward
        : "Thôn " + (1 + random.nextInt(12)) + ", xã " + ward);
    record.put("ward", ward);
    record.put("district", unit[1]);
    record.put("province", "Hà Nội");
    int substation = 1 + random.nextInt(40);
    record.put("substation", "E" + unitNumber(unit) + "." + (1 + substation / 10) + "-T" + String.format("%02d", substation));
    record.put("feeder", "47" + (1 + substation % 8) + "E" + unitNumber(unit));
    record.put("meterBook", unit[0] + "-S" + String.format("%03d", 1 + random.nextInt(120)));
    record.put("latitude", Math.round((20.6 + random.nextDouble() * 0.7) * 1e6) / 1e6);
    record.put("longitude", Math.round((105.4 + random.nextDouble() * 0.6) * 1e6) / 1e6);
    record.put("contractId", code.substring(0, 6) + "HD" + code.substring(6));
    record.put("contractStart", LocalDate.of(2005 + random.nextInt(20), 1 + random.nextInt(12), 1).toString());
    record.put("purposeOfUse", purpose(random, type, unit));
    record.put("voltageLevel", type == CustomerType.PRODUCTION && random.nextDouble() < 0.3 ? "MV" : "LV");
    record.put("tariffGroup", type == CustomerType.RESIDENTIAL ? "SHBT" : type.name().substring(0, 3));
    record.put("households", type == CustomerType.RESIDENTIAL ? 1 + (random.nextDouble() < 0.1 ? 1 : 0) : 1);
    // from the consumption, drawing nothing: every other value stays what it was for the same seed
    record.put("contractedCapacityKw", Math.max(2, Math.round(baseKwh / 60)));
    record.put("paymentMethod", random.nextDouble() < 0.6 ? "BANK_TRANSFER" : random.nextDouble() < 0.5 ? "E_WALLET" : "CASH");
    record.put("eInvoice", random.nextDouble() < 0.7);
    ArrayNode bills = record.putArray("bills");
    long debt = 0;
    for (int back = 12; back >= 1; back--) {
      YearMonth period = currentMonth.minusMonths(back);
      long amount = Math.round(seasonal(baseKwh, period) * tariff(type) / 1000) * 1000;
      LocalDate due = period.plusMonths(1).atDay(15);
      ObjectNode bill = bills.addObject();
      bill.put("period", period.toString());
      bill.put("amount", amount);
      bill.put("dueDate", due.toString());
      boolean late = latePayer && random.nextDouble() < 0.4;
      if (back == 1 && late) {
        debt += amount;
      } else {
        bill.put("paidAt", due.plusDays(late ? 5 + random.nextInt(20) : -random.nextInt(10))
            .atTime(9, 0).toInstant(ZoneOffset.ofHours(7)).toString());
      }
    }
    record.put("outstandingDebt", debt);
    return record;
  }

  private ObjectNode metering(SplittableRandom random, String code, double baseKwh) {
    ObjectNode record = stamped(code);
    record.put("meterId", "M" + code.substring(4));
    record.put("meterType", random.nextDouble() < 0.75 ? "SMART" : random.nextDouble() < 0.8 ? "ELECTRONIC" : "MECHANICAL");
    record.put("readingDay", 1 + random.nextInt(28));
    ArrayNode months = record.putArray("monthlyKwh");
    double index = 1000 + random.nextInt(50_000);
    boolean abnormal = random.nextDouble() < 0.02;
    for (int back = 12; back >= 1; back--) {
      YearMonth period = currentMonth.minusMonths(back);
      double kwh = seasonal(baseKwh, period) * (0.9 + random.nextDouble() * 0.2) * (abnormal && back == 1 ? 3 : 1);
      index += kwh;
      ObjectNode month = months.addObject();
      month.put("period", period.toString());
      month.put("kwh", Math.round(kwh));
    }
    record.put("lastIndex", Math.round(index));
    return record;
  }

  private ObjectNode crm(SplittableRandom random, String code) {
    ObjectNode record = stamped(code);
    if (random.nextDouble() < 0.93) {
      record.put("mobile", "0" + MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
          + String.format("%07d", random.nextInt(10_000_000)));
    }
    if (random.nextDouble() < 0.25) {
      record.put("email", "kh" + code.substring(4).toLowerCase() + "@example.vn");
    }
    record.put("openRequests", random.nextDouble() < 0.05 ? 1 : 0);
    record.put("complaints12m", random.nextDouble() < 0.08 ? 1 + random.nextInt(3) : 0);
    if (random.nextDouble() < 0.4) {
      record.put("lastContactAt", updatedAt.minusSeconds(86_400L * random.nextInt(365)).toString());
      record.put("satisfactionScore", 3 + random.nextInt(3));
    }
    return record;
  }

  private ObjectNode channels(SplittableRandom random, String code) {
    ObjectNode record = stamped(code);
    boolean app = random.nextDouble() < 0.5;
    record.put("appRegistered", app);
    if (app) {
      record.putArray("pushTokens").add("fcm-" + Long.toHexString(random.nextLong()));
    }
    if (random.nextDouble() < 0.64) {
      record.put("zaloUserId", Long.toUnsignedString(random.nextLong()));
    }
    record.put("preferredChannel", app ? "APP" : "ZALO");
    record.put("language", random.nextDouble() < 0.97 ? "vi" : "en");
    if (random.nextDouble() < 0.03) {
      record.putArray("optedOut").add("SMS");
    }
    if (random.nextDouble() < 0.2) {
      record.putObject("quietHours").put("start", "22:00").put("end", "06:00");
    }
    return record;
  }

  private ObjectNode outages(SplittableRandom random, String code, CustomerType type) {
    ObjectNode record = stamped(code);
    double critical = random.nextDouble();
    record.put("criticalLoad", type == CustomerType.PRIORITY ? "HOSPITAL"
        : critical < 0.003 ? "HOME_MEDICAL_EQUIPMENT" : critical < 0.005 ? "WATER_SUPPLY" : "NONE");
    ArrayNode outages = record.putArray("outages");
    int count = random.nextDouble() < 0.5 ? random.nextInt(4) : 0;
    for (int i = 0; i < count; i++) {
      Instant start = updatedAt.minusSeconds(3600L * (1 + random.nextInt(24 * 360)));
      ObjectNode outage = outages.addObject();
      outage.put("startedAt", start.toString());
      outage.put("restoredAt", start.plusSeconds(1800L + random.nextInt(4 * 3600)).toString());
      outage.put("planned", random.nextDouble() < 0.6);
    }
    return record;
  }

  private ObjectNode stamped(String code) {
    ObjectNode record = json.createObjectNode();
    record.put("customerCode", code);
    record.put("updatedAt", updatedAt.toString());
    return record;
  }

  /** Inner-city units hold more customers than rural ones. */
  private static String[] pickUnit(SplittableRandom random) {
    int unit = random.nextDouble() < 0.55 ? random.nextInt(INNER_CITY_UNITS) : random.nextInt(UNITS.length);
    return UNITS[unit];
  }

  private static int unitNumber(String[] unit) {
    return Integer.parseInt(unit[0].substring(2));
  }

  private static CustomerType type(SplittableRandom random) {
    double roll = random.nextDouble();
    return roll < 0.88 ? CustomerType.RESIDENTIAL : roll < 0.96 ? CustomerType.BUSINESS
        : roll < 0.985 ? CustomerType.PRODUCTION : roll < 0.997 ? CustomerType.ADMINISTRATIVE : CustomerType.PRIORITY;
  }

  private static String name(SplittableRandom random, CustomerType type) {
    String family = FAMILY[random.nextInt(FAMILY.length)];
    return switch (type) {
      case RESIDENTIAL -> random.nextBoolean()
          ? family + " " + MIDDLE_MALE[random.nextInt(MIDDLE_MALE.length)] + " " + GIVEN_MALE[random.nextInt(GIVEN_MALE.length)]
          : family + " " + MIDDLE_FEMALE[random.nextInt(MIDDLE_FEMALE.length)] + " " + GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)];
      case BUSINESS -> (random.nextBoolean() ? "Cửa hàng " : "Công ty TNHH ") + BUSINESS[random.nextInt(BUSINESS.length)];
      case PRODUCTION -> "Công ty Cổ phần Sản xuất " + BUSINESS[random.nextInt(BUSINESS.length)];
      case ADMINISTRATIVE -> random.nextBoolean() ? "Trường Tiểu học " + family + " " + GIVEN_MALE[random.nextInt(GIVEN_MALE.length)]
          : "UBND phường " + BUSINESS[random.nextInt(BUSINESS.length)];
      case PRIORITY -> "Bệnh viện Đa khoa " + BUSINESS[random.nextInt(BUSINESS.length)];
    };
  }

  private static String purpose(SplittableRandom random, CustomerType type, String[] unit) {
    return switch (type) {
      case RESIDENTIAL -> !unit[0].equals("PD09") || random.nextDouble() < 0.9 ? "RESIDENTIAL_LIVING" : "AGRICULTURAL_PUMPING";
      case BUSINESS -> "BUSINESS_SERVICES";
      case PRODUCTION -> "MANUFACTURING";
      case ADMINISTRATIVE -> random.nextDouble() < 0.2 ? "PUBLIC_LIGHTING" : "PUBLIC_SERVICES";
      case PRIORITY -> "PUBLIC_SERVICES";
    };
  }

  /** Monthly kWh around a customer's own level, lognormal, by type. */
  private static double baseKwh(CustomerType type, SplittableRandom random) {
    double median = switch (type) {
      case RESIDENTIAL -> 180;
      case BUSINESS -> 900;
      case PRODUCTION -> 9_000;
      case ADMINISTRATIVE -> 2_000;
      case PRIORITY -> 6_000;
    };
    return median * Math.exp(0.6 * gaussian(random));
  }

  /** Hanoi's summer (May to September) runs air conditioning. */
  private static double seasonal(double base, YearMonth period) {
    int month = period.getMonthValue();
    return base * (month >= 5 && month <= 9 ? 1.35 : month == 1 || month == 2 ? 0.9 : 1.0);
  }

  /** Average VND per kWh before VAT, by type (residential from the six-tier table). */
  private static double tariff(CustomerType type) {
    return type == CustomerType.RESIDENTIAL ? 2_300 : type == CustomerType.BUSINESS ? 2_900 : 1_900;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
