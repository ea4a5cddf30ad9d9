package io.gridcare.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.CustomerType;
import io.gridcare.customers.Source;

/**
 * Portal requests in Vietnamese with the mix a care centre sees, over the catalog as it stands and the customers
 * of a {@link CustomerDataGenerator}: always the same request for the same seed and index.
 *
 * <p>About 88% are clean: a service that suits the customer, one of its reasons, every field and document the
 * catalog asks for (it is read, not assumed), the customer's own phone and address; new connections come from new
 * applicants with a new address. The rest: wrong choices (a household-norm change by a non-residential customer, a
 * capacity change to the current capacity, an unchanged purpose, a reason of another service, a new connection
 * where the customer's meter already is), a required field or paper left out, a repeat of an earlier request of
 * the same customer, and needs described in free text only. Each request has a customer of its own (index
 * {@code i} maps to a distinct customer while {@code i < customerCount}), so only the repeats repeat.
 */
public final class PortalRequestGenerator {

  /** What a generated request is meant to be. */
  public enum Kind {
    CLEAN, WRONG_CHOICE, MISSING_DATA, REPEAT, FREE_TEXT
  }

  public record Generated(int index, Kind kind, int customerIndex, RequestDraft draft) {
  }

  /** How often each service is asked for, per thousand requests; a service not named here counts 20. */
  private static final Map<String, Integer> POPULARITY = Map.ofEntries(
      Map.entry("NEW_LV_RESIDENTIAL_1P", 140), Map.entry("NEW_LV_RESIDENTIAL_3P", 30),
      Map.entry("NEW_SHARED_METER", 20), Map.entry("SPLIT_SHARED_METER", 30),
      Map.entry("NEW_NON_RESIDENTIAL_UNDER_40KW", 30), Map.entry("NEW_NON_RESIDENTIAL_FROM_40KW", 4),
      Map.entry("TEMPORARY_SUPPLY", 15), Map.entry("NEW_MEDIUM_VOLTAGE", 2),
      Map.entry("CHANGE_OF_HOLDER", 60), Map.entry("CHANGE_OF_DETAILS", 80), Map.entry("CHANGE_OF_PURPOSE", 30),
      Map.entry("CHANGE_OF_HOUSEHOLD_NORM", 50), Map.entry("CONTRACT_RENEWAL", 20),
      Map.entry("CONTRACT_TERMINATION", 20), Map.entry("METER_RELOCATION", 40), Map.entry("CAPACITY_CHANGE", 40),
      Map.entry("RECONNECTION", 40), Map.entry("METER_INSPECTION", 30), Map.entry("PAYMENT_QUESTION", 80),
      Map.entry("OUTAGE_REPORT", 60), Map.entry("QUALITY_COMPLAINT", 30), Map.entry("ABNORMAL_BILL", 60));
  private static final int DEFAULT_POPULARITY = 20;

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Quang", "Thanh"};
  private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Lan",
      "Linh", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Trang", "Tuấn"};
  private static final String[] STREETS = {"Xuân Thủy", "Cầu Giấy", "Trần Duy Hưng", "Nguyễn Trãi", "Giải Phóng",
      "Kim Mã", "Láng", "Lạc Long Quân", "Âu Cơ", "Tam Trinh", "Nguyễn Văn Cừ", "Phạm Văn Đồng"};
  private static final String[] METER_PLACES = {"Chuyển công tơ ra cột điện đầu ngõ",
      "Chuyển công tơ ra tường rào phía trước nhà", "Chuyển công tơ lên tầng 1 cạnh cầu thang",
      "Chuyển công tơ sang hộp công tơ mới của tòa nhà"};
  /** Needs as customers type them, when they pick no reason. */
  private static final String[] FREE_TEXTS = {
      "Nhà tôi mấy hôm nay điện cứ chập chờn vào buổi tối, quạt quay yếu, nhờ Điện lực kiểm tra giúp.",
      "Tháng này hóa đơn tiền điện nhà tôi tăng gấp đôi dù không dùng thêm thiết bị gì, đề nghị kiểm tra lại chỉ số.",
      "Tôi đã chuyển khoản tiền điện từ tuần trước nhưng trên ứng dụng vẫn báo nợ, nhờ kiểm tra giúp.",
      "Cột điện trước cửa nhà tôi bị nghiêng sau trận mưa bão, dây điện võng thấp, rất nguy hiểm.",
      "Tôi muốn đổi số điện thoại nhận thông báo tiền điện sang số mới của vợ tôi.",
      "Khu nhà tôi mất điện từ sáng đến giờ chưa có lại, không thấy thông báo cắt điện.",
      "Công tơ nhà tôi màn hình không hiện số, không biết có còn chạy đúng không.",
      "Xin hỏi muốn nhận hóa đơn điện tử qua email thì đăng ký thế nào?"};
  private static final String[] REPEAT_NOTES = {"Tôi gửi lại vì chưa thấy ai liên hệ.",
      "Gửi lại yêu cầu, lần trước tôi không nhận được tin nhắn xác nhận.", "Nhắc lại yêu cầu đã gửi."};

  private final long seed;
  private final List<ServiceType> services;
  private final CustomerDataGenerator customers;
  private final int firstCustomer;
  private final int customerCount;
  private final LocalDate today;

  /**
   * @param services      the catalog's active services ({@link ServiceCatalog#active()})
   * @param customers     the generator of the customers the requests come from: its customers
   *                      {@code firstCustomer} to {@code firstCustomer + customerCount - 1}, all known to GridCare
   * @param today         the day the requests are made (preferred dates lie after it)
   */
  public PortalRequestGenerator(long seed, List<ServiceType> services, CustomerDataGenerator customers,
      int firstCustomer, int customerCount, LocalDate today) {
    if (services.isEmpty() || customerCount < 1) {
      throw new IllegalArgumentException("Needs a catalog and at least one customer");
    }
    this.seed = seed;
    this.services = List.copyOf(services);
    this.customers = customers;
    this.firstCustomer = firstCustomer;
    this.customerCount = customerCount;
    this.today = today;
  }

  public Generated request(int index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    double roll = random.nextDouble();
    int customer = customerOf(index);
    if (roll < 0.88) {
      return clean(index, customer, random);
    }
    if (roll < 0.915) {
      return wrongChoice(index, customer, random);
    }
    if (roll < 0.945) {
      Generated clean = clean(index, customer, random);
      return new Generated(index, Kind.MISSING_DATA, customer, withoutSomething(clean.draft(), random));
    }
    if (roll < 0.97 && index > 0) {
      return repeat(index, random);
    }
    return freeText(index, customer, random);
  }

  /** A permutation of the customers, so that requests up to {@code customerCount} each have their own. */
  private int customerOf(int index) {
    long stride = 7_919;
    while (gcd(stride, customerCount) != 1) {
      stride++;
    }
    return firstCustomer + (int) Math.floorMod(index * stride + seed, (long) customerCount);
  }

  private Generated clean(int index, int customerIndex, SplittableRandom random) {
    Customer customer = customer(customerIndex);
    ServiceType service = pick(random, type -> suits(type, customer));
    List<ServiceReason> fitting = service.reasons().stream().filter(ServiceReason::active)
        .filter(reason -> fits(reason, customer)).toList();
    Optional<ServiceReason> reason = fitting.isEmpty() ? anyReason(service, random)
        : Optional.of(fitting.get(random.nextInt(fitting.size())));
    return new Generated(index, Kind.CLEAN, customerIndex, filled(service, reason, customer, random));
  }

  private Generated wrongChoice(int index, int customerIndex, SplittableRandom random) {
    Customer customer = customer(customerIndex);
    List<RequestDraft> wrong = new ArrayList<>();
    if (customer.type() != CustomerType.RESIDENTIAL) {
      // a household norm is for residential customers only
      service("CHANGE_OF_HOUSEHOLD_NORM").ifPresent(norm -> wrong.add(filled(norm, anyReason(norm, random),
          customer, random)));
    }
    service("CAPACITY_CHANGE").ifPresent(capacity -> {
      RequestDraft draft = filled(capacity, capacity.reason("INCREASE"), customer, random);
      wrong.add(with(draft, customer.capacityKw(), null));
    });
    // the portal offers four purposes; a priority customer's type is none of them
    service("CHANGE_OF_PURPOSE").filter(purpose -> customer.type() != CustomerType.PRIORITY).ifPresent(purpose -> {
      RequestDraft draft = filled(purpose, anyReason(purpose, random), customer, random);
      wrong.add(with(draft, null, customer.type().name()));
    });
    // the applicant is a customer already, at this very address (told by the phone on record)
    newConnections(customer).filter(connection -> customer.phone() != null).ifPresent(connection -> {
      RequestDraft draft = filled(connection, anyReason(connection, random), customer, random);
      wrong.add(at(draft, customer.address(), customer.phone()));
    });
    ServiceType service = pick(random, type -> suits(type, customer) && !type.reasons().isEmpty());
    List<ServiceReason> others = services.stream().filter(other -> !other.code().equals(service.code()))
        .flatMap(other -> other.reasons().stream())
        .filter(reason -> service.reason(reason.code()).isEmpty()).toList();
    if (!others.isEmpty()) {
      RequestDraft draft = filled(service, anyReason(service, random), customer, random);
      wrong.add(reason(draft, others.get(random.nextInt(others.size())).code()));
    }
    if (wrong.isEmpty()) {
      return clean(index, customerIndex, random);
    }
    return new Generated(index, Kind.WRONG_CHOICE, customerIndex, wrong.get(random.nextInt(wrong.size())));
  }

  /** The same customer asks again for what an earlier clean request asked, a while later. */
  private Generated repeat(int index, SplittableRandom random) {
    for (int back = 1 + random.nextInt(Math.min(index, 300)); back <= index; back++) {
      Generated earlier = request(index - back);
      if (earlier.kind() == Kind.CLEAN) {
        RequestDraft draft = earlier.draft();
        String note = REPEAT_NOTES[random.nextInt(REPEAT_NOTES.length)];
        return new Generated(index, Kind.REPEAT, earlier.customerIndex(), describe(draft,
            draft.description() == null ? note : draft.description() + " " + note));
      }
    }
    return clean(index, customerOf(index), random);
  }

  private Generated freeText(int index, int customerIndex, SplittableRandom random) {
    Customer customer = customer(customerIndex);
    ServiceType service = pick(random, type -> type.freeTextAllowed() && suits(type, customer));
    RequestDraft filled = filled(service, Optional.empty(), customer, random);
    return new Generated(index, Kind.FREE_TEXT, customerIndex,
        describe(reason(filled, null), FREE_TEXTS[random.nextInt(FREE_TEXTS.length)]));
  }

  /** Leaves out one thing the service needs (never the phone: without it there is no request at all). */
  private RequestDraft withoutSomething(RequestDraft draft, SplittableRandom random) {
    ServiceType service = service(draft.serviceType()).orElseThrow();
    Optional<ServiceReason> reason = service.reason(draft.reasonCode());
    List<RequestField> fields = service.fieldsRequired(reason).stream()
        .filter(field -> field != RequestField.PHONE).toList();
    List<DocumentKind> documents = service.documentsRequired(reason);
    boolean paper = !documents.isEmpty() && (fields.isEmpty() || random.nextBoolean());
    if (paper) {
      DocumentKind left = documents.get(random.nextInt(documents.size()));
      return new Builder(draft).documents(draft.documents().stream()
          .filter(document -> document.kind() != left).toList()).build();
    }
    if (fields.isEmpty()) {
      return draft;
    }
    return new Builder(draft).clear(fields.get(random.nextInt(fields.size()))).build();
  }

  // what suits whom

  private boolean suits(ServiceType service, Customer customer) {
    if (service.category() == ServiceCategory.NEW_CONNECTION) {
      return true;
    }
    if (service.fieldsRequired(Optional.empty()).contains(RequestField.HOUSEHOLDS)
        && customer.type() != CustomerType.RESIDENTIAL) {
      return false;
    }
    boolean needsCapacity = service.requiredFields().contains(RequestField.REQUESTED_CAPACITY_KW);
    return !needsCapacity || customer.capacityKw() != null;
  }

  /** A home turned into a shop is a residential customer's reason; a shop turned into a home, another's. */
  private static boolean fits(ServiceReason reason, Customer customer) {
    boolean residential = customer.type() == CustomerType.RESIDENTIAL;
    return switch (reason.code()) {
      case "HOME_TO_BUSINESS", "MIXED_USE" -> residential;
      case "BUSINESS_TO_HOME" -> !residential;
      default -> true;
    };
  }

  private Optional<ServiceType> newConnections(Customer customer) {
    return services.stream().filter(service -> service.category() == ServiceCategory.NEW_CONNECTION)
        .filter(service -> service.fieldsRequired(Optional.empty()).contains(RequestField.ADDRESS))
        .filter(service -> customer.type() == CustomerType.RESIDENTIAL
            == service.code().contains("RESIDENTIAL_1P"))
        .findFirst();
  }

  private ServiceType pick(SplittableRandom random, Predicate<ServiceType> eligible) {
    List<ServiceType> candidates = services.stream().filter(eligible).toList();
    if (candidates.isEmpty()) {
      candidates = services;
    }
    int total = candidates.stream().mapToInt(this::popularity).sum();
    int ticket = random.nextInt(total);
    for (ServiceType candidate : candidates) {
      ticket -= popularity(candidate);
      if (ticket < 0) {
        return candidate;
      }
    }
    return candidates.get(candidates.size() - 1);
  }

  private int popularity(ServiceType service) {
    return POPULARITY.getOrDefault(service.code(), DEFAULT_POPULARITY);
  }

  private static Optional<ServiceReason> anyReason(ServiceType service, SplittableRandom random) {
    List<ServiceReason> reasons = service.reasons().stream().filter(ServiceReason::active).toList();
    return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons.get(random.nextInt(reasons.size())));
  }

  private Optional<ServiceType> service(String code) {
    return services.stream().filter(service -> service.code().equals(code)).findFirst();
  }

  // filling the form

  /** Everything the catalog asks of the service and reason, as this customer (or a new applicant) gives it. */
  private RequestDraft filled(ServiceType service, Optional<ServiceReason> reason, Customer customer,
      SplittableRandom random) {
    boolean applicant = service.category() == ServiceCategory.NEW_CONNECTION && !service.requiresCustomer()
        && !service.fieldsRequired(reason).contains(RequestField.CUSTOMER_CODE);
    String name = applicant ? personName(random) : customer.name();
    String phone = applicant ? mobile(random) : customer.phone() != null ? customer.phone() : mobile(random);
    Builder draft = new Builder(service.code(), reason.map(ServiceReason::code).orElse(null))
        .customerCode(applicant ? null : customer.code()).contactName(name).phone(phone);
    for (RequestField field : service.fieldsRequired(reason)) {
      switch (field) {
        case CUSTOMER_CODE -> draft.customerCode(customer.code());
        case CONTACT_NAME, PHONE -> {
        }
        case EMAIL -> draft.email(customer.email() != null ? customer.email()
            : "khachhang" + (10_000 + random.nextInt(90_000)) + "@example.vn");
        case ID_NUMBER -> draft.idNumber(applicant ? idNumber(random) : customer.idNumber());
        // a new connection is for a new address, even when a customer asks for it
        case ADDRESS -> draft.address(service.category() == ServiceCategory.NEW_CONNECTION
            ? newAddress(customer, random) : customer.address());
        case REQUESTED_CAPACITY_KW -> draft.capacity(capacity(service, reason, customer, random));
        case PHASES -> draft.phases(reason.filter(chosen -> chosen.code().equals("SINGLE_TO_THREE_PHASE"))
            .isPresent() || service.code().contains("3P") ? 3 : random.nextBoolean() ? 1 : 3);
        case HOUSEHOLDS -> draft.households(2 + random.nextInt(5));
        case PURPOSE_OF_USE -> draft.purpose(purpose(service, reason, customer));
        case NEW_HOLDER_NAME -> draft.newHolderName(personName(random));
        case NEW_HOLDER_ID_NUMBER -> draft.newHolderIdNumber(idNumber(random));
        case NEW_METER_LOCATION -> draft.newMeterLocation(METER_PLACES[random.nextInt(METER_PLACES.length)]);
        case PREFERRED_DATE -> draft.preferredDate(today.plusDays(3 + random.nextInt(12)));
        case BILLING_PERIOD -> draft.billingPeriod(YearMonth.from(today).minusMonths(1 + random.nextInt(2)));
        case DESCRIPTION -> draft.description(service.name().vi() + ": " + reason.map(chosen -> chosen.label().vi())
            .orElse("mô tả yêu cầu") + ". Xin Điện lực liên hệ lại theo số điện thoại này.");
      }
    }
    List<RequestDraft.DocumentRef> papers = new ArrayList<>();
    for (DocumentKind kind : service.documentsRequired(reason)) {
      String file = kind.name().toLowerCase() + "-" + Long.toHexString(random.nextLong() >>> 16);
      papers.add(new RequestDraft.DocumentRef(kind, file + ".pdf", "https://dichvu.evnhanoi.example/tep/" + file));
    }
    return draft.documents(papers).build();
  }

  private static BigDecimal capacity(ServiceType service, Optional<ServiceReason> reason, Customer customer,
      SplittableRandom random) {
    String chosen = reason.map(ServiceReason::code).orElse("");
    if (service.category() != ServiceCategory.NEW_CONNECTION && customer.capacityKw() != null) {
      BigDecimal current = customer.capacityKw();
      return chosen.equals("DECREASE") && current.intValue() > 1 ? current.subtract(BigDecimal.ONE)
          : current.add(BigDecimal.valueOf(2 + random.nextInt(9)));
    }
    if (service.code().contains("FROM_40KW") || service.code().contains("MEDIUM_VOLTAGE")) {
      return BigDecimal.valueOf(40 + random.nextInt(400));
    }
    if (service.code().contains("NON_RESIDENTIAL")) {
      return BigDecimal.valueOf(10 + random.nextInt(29));
    }
    return BigDecimal.valueOf(3 + random.nextInt(12));
  }

  /** A purpose that makes sense: a change of purpose names a new one; a new connection its use. */
  private static String purpose(ServiceType service, Optional<ServiceReason> reason, Customer customer) {
    String chosen = reason.map(ServiceReason::code).orElse("");
    if (service.category() == ServiceCategory.CONTRACT_CHANGE) {
      // a change of purpose names one the customer does not have
      return customer.type() == CustomerType.RESIDENTIAL ? "BUSINESS" : "RESIDENTIAL";
    }
    if (service.code().contains("NON_RESIDENTIAL") || service.code().contains("MEDIUM_VOLTAGE")) {
      return chosen.equals("FACTORY") || chosen.equals("SMALL_WORKSHOP") ? "PRODUCTION" : "BUSINESS";
    }
    if (service.code().equals("TEMPORARY_SUPPLY")) {
      return "BUSINESS";
    }
    return "RESIDENTIAL";
  }

  private static RequestDraft.Address newAddress(Customer customer, SplittableRandom random) {
    RequestDraft.Address home = customer.address();
    return new RequestDraft.Address("Số " + (201 + random.nextInt(300)) + ", ngõ " + (151 + random.nextInt(200))
        + " phố " + STREETS[random.nextInt(STREETS.length)], home.ward(), home.district(), home.province());
  }

  private static String personName(SplittableRandom random) {
    return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
        + GIVEN[random.nextInt(GIVEN.length)];
  }

  /** A mobile number no generated customer has: 092 is not among {@link CustomerDataGenerator}'s prefixes. */
  private static String mobile(SplittableRandom random) {
    return "092" + String.format("%07d", random.nextInt(10_000_000));
  }

  private static String idNumber(SplittableRandom random) {
    return String.format("%03d%09d", 1 + random.nextInt(96), random.nextInt(1_000_000_000));
  }

  private static RequestDraft with(RequestDraft draft, BigDecimal capacity, String purpose) {
    Builder builder = new Builder(draft);
    if (capacity != null) {
      builder.capacity(capacity);
    }
    if (purpose != null) {
      builder.purpose(purpose);
    }
    return builder.build();
  }

  private static RequestDraft at(RequestDraft draft, RequestDraft.Address address, String phone) {
    return new Builder(draft).address(address).phone(phone).build();
  }

  private static RequestDraft reason(RequestDraft draft, String reasonCode) {
    return new Builder(draft).reason(reasonCode).build();
  }

  private static RequestDraft describe(RequestDraft draft, String description) {
    return new Builder(draft).description(description).build();
  }

  // the customers

  /** What a generated customer's records say that a request uses. */
  private record Customer(String code, CustomerType type, String name, String idNumber, String phone, String email,
                          RequestDraft.Address address, BigDecimal capacityKw) {
  }

  private Customer customer(int index) {
    Map<Source, ObjectNode> records = customers.customer(index);
    ObjectNode billing = records.get(Source.BILLING);
    ObjectNode crm = records.get(Source.CRM);
    return new Customer(billing.path("customerCode").asText(), CustomerType.valueOf(billing.path("customerType")
        .asText()), billing.path("fullName").asText(), billing.path("idNumber").asText(null),
        crm.path("mobile").asText(null), crm.path("email").asText(null),
        new RequestDraft.Address(billing.path("address").asText(), billing.path("ward").asText(null),
            billing.path("district").asText(), billing.path("province").asText(null)),
        billing.has("contractedCapacityKw") ? billing.path("contractedCapacityKw").decimalValue() : null);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** A draft put together field by field. */
  private static final class Builder {

    private String serviceType;
    private String reasonCode;
    private String description;
    private String customerCode;
    private String contactName;
    private String phone;
    private String email;
    private String idNumber;
    private RequestDraft.Address address;
    private String unitCode;
    private BigDecimal requestedCapacityKw;
    private Integer phases;
    private Integer households;
    private String purposeOfUse;
    private String newHolderName;
    private String newHolderIdNumber;
    private String newMeterLocation;
    private LocalDate preferredDate;
    private YearMonth billingPeriod;
    private List<RequestDraft.DocumentRef> documents = List.of();

    Builder(String serviceType, String reasonCode) {
      this.serviceType = serviceType;
      this.reasonCode = reasonCode;
    }

    Builder(RequestDraft draft) {
      this(draft.serviceType(), draft.reasonCode());
      description = draft.description();
      customerCode = draft.customerCode();
      contactName = draft.contactName();
      phone = draft.phone();
      email = draft.email();
      idNumber = draft.idNumber();
      address = draft.address();
      unitCode = draft.unitCode();
      requestedCapacityKw = draft.requestedCapacityKw();
      phases = draft.phases();
      households = draft.households();
      purposeOfUse = draft.purposeOfUse();
      newHolderName = draft.newHolderName();
      newHolderIdNumber = draft.newHolderIdNumber();
      newMeterLocation = draft.newMeterLocation();
      preferredDate = draft.preferredDate();
      billingPeriod = draft.billingPeriod();
      documents = draft.documents();
    }

    Builder reason(String code) {
      reasonCode = code;
      return this;
    }

    Builder description(String text) {
      description = text;
      return this;
    }

    Builder customerCode(String code) {
      customerCode = code;
      return this;
    }

    Builder contactName(String name) {
      contactName = name;
      return this;
    }

    Builder phone(String number) {
      phone = number;
      return this;
    }

    Builder email(String address) {
      email = address;
      return this;
    }

    Builder idNumber(String number) {
      idNumber = number;
      return this;
    }

    Builder address(RequestDraft.Address place) {
      address = place;
      return this;
    }

    Builder capacity(BigDecimal kw) {
      requestedCapacityKw = kw;
      return this;
    }

    Builder phases(int count) {
      phases = count;
      return this;
    }

    Builder households(int count) {
      households = count;
      return this;
    }

    Builder purpose(String purpose) {
      purposeOfUse = purpose;
      return this;
    }

    Builder newHolderName(String name) {
      newHolderName = name;
      return this;
    }

    Builder newHolderIdNumber(String number) {
      newHolderIdNumber = number;
      return this;
    }

    Builder newMeterLocation(String place) {
      newMeterLocation = place;
      return this;
    }

    Builder preferredDate(LocalDate date) {
      preferredDate = date;
      return this;
    }

    Builder billingPeriod(YearMonth period) {
      billingPeriod = period;
      return this;
    }

    Builder documents(List<RequestDraft.DocumentRef> papers) {
      documents = papers;
      return this;
    }

    /** Leaves the field empty, as a customer who skipped it. */
    Builder clear(RequestField field) {
      switch (field) {
        case CUSTOMER_CODE -> customerCode = null;
        case CONTACT_NAME -> contactName = null;
        case PHONE -> phone = null;
        case EMAIL -> email = null;
        case ID_NUMBER -> idNumber = null;
        case ADDRESS -> address = null;
        case REQUESTED_CAPACITY_KW -> requestedCapacityKw = null;
        case PHASES -> phases = null;
        case HOUSEHOLDS -> households = null;
        case PURPOSE_OF_USE -> purposeOfUse = null;
        case NEW_HOLDER_NAME -> newHolderName = null;
        case NEW_HOLDER_ID_NUMBER -> newHolderIdNumber = null;
        case NEW_METER_LOCATION -> newMeterLocation = null;
        case PREFERRED_DATE -> preferredDate = null;
        case BILLING_PERIOD -> billingPeriod = null;
        case DESCRIPTION -> description = null;
      }
      return this;
    }

    RequestDraft build() {
      return new RequestDraft(serviceType, reasonCode, description, customerCode, contactName, phone, email,
          idNumber, address, unitCode, requestedCapacityKw, phases, households, purposeOfUse, newHolderName,
          newHolderIdNumber, newMeterLocation, preferredDate, billingPeriod, documents);
    }
  }
}
