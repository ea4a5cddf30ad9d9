package io.gridcare.requests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a service must be like before the catalog keeps it; all problems at once, named as the API names them. */
final class ServiceTypeRules {

  /** Codes of services and reasons: stable, readable, safe in URLs and process variables. */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,47}");
  static final int MAX_TEXT = 300;
  /** A promise longer than a year is a typo, not a promise. */
  static final int MAX_DAYS = 365;

  private static final String CODE_RULE = "Chỉ gồm chữ in hoa, chữ số và dấu _, bắt đầu bằng chữ, 2-48 ký tự"
      + " / Upper-case letters, digits and _, starting with a letter, 2 to 48 characters";
  private static final String REQUIRED = "Bắt buộc / Required";

  private ServiceTypeRules() {
  }

  static List<CatalogProblem> check(ServiceType service) {
    List<CatalogProblem> problems = new ArrayList<>();
    code("code", service.code(), problems);
    if (service.category() == null) {
      problems.add(new CatalogProblem("category", REQUIRED));
    }
    if (service.handledBy() == null) {
      problems.add(new CatalogProblem("handledBy", REQUIRED));
    }
    if (service.name() == null) {
      problems.add(new CatalogProblem("name.vi", vietnameseRequired()));
    } else {
      label("name", service.name(), problems);
    }
    label("description", service.description(), problems);
    label("feeNote", service.feeNote(), problems);
    days("promisedWorkingDays", service.promisedWorkingDays(), problems);
    if (service.promisedWorkingDaysRural() != null) {
      days("promisedWorkingDaysRural", service.promisedWorkingDaysRural(), problems);
    }
    if (service.feeVnd() != null && service.feeVnd() < 0) {
      problems.add(new CatalogProblem("feeVnd", "Không được âm / Must not be negative"));
    }
    noRepeats("requiredFields", service.requiredFields(), problems);
    noRepeats("requiredDocuments", service.requiredDocuments(), problems);
    // the unit calls the requester back, and a change to a contract must say which one
    for (RequestField always : List.of(RequestField.PHONE, RequestField.CONTACT_NAME)) {
      if (!service.requiredFields().contains(always)) {
        problems.add(new CatalogProblem("requiredFields", "Mọi dịch vụ phải yêu cầu " + always
            + " / Every service requires " + always));
      }
    }
    if (service.requiresCustomer() && !service.requiredFields().contains(RequestField.CUSTOMER_CODE)) {
      problems.add(new CatalogProblem("requiredFields", "Dịch vụ dành cho khách hàng hiện có phải yêu cầu "
          + "CUSTOMER_CODE / A service for existing customers requires CUSTOMER_CODE"));
    }
    reasons(service, problems);
    return problems;
  }

  private static void reasons(ServiceType service, List<CatalogProblem> problems) {
    Set<String> codes = new HashSet<>();
    boolean anyActive = false;
    for (int index = 0; index < service.reasons().size(); index++) {
      ServiceReason reason = service.reasons().get(index);
      String field = "reasons[" + index + "]";
      if (code(field + ".code", reason.code(), problems) && !codes.add(reason.code())) {
        problems.add(new CatalogProblem(field + ".code", "Mã lý do " + reason.code() + " bị trùng / Reason code "
            + reason.code() + " appears twice"));
      }
      if (reason.label() == null) {
        problems.add(new CatalogProblem(field + ".label.vi", vietnameseRequired()));
      } else {
        label(field + ".label", reason.label(), problems);
      }
      noRepeats(field + ".requiredFields", reason.requiredFields(), problems);
      noRepeats(field + ".requiredDocuments", reason.requiredDocuments(), problems);
      anyActive |= reason.active();
    }
    // a portal form with nothing to choose and nothing to write could not be sent
    if (service.active() && !service.freeTextAllowed() && !anyActive) {
      problems.add(new CatalogProblem("reasons", "Dịch vụ không cho mô tả tự do cần ít nhất một lý do đang dùng"
          + " / A service without free text needs at least one active reason"));
    }
  }

  private static boolean code(String field, String code, List<CatalogProblem> problems) {
    if (code == null || !CODE.matcher(code).matches()) {
      problems.add(new CatalogProblem(field, CODE_RULE));
      return false;
    }
    return true;
  }

  private static void label(String field, Label label, List<CatalogProblem> problems) {
    if (label == null) {
      return;
    }
    if (label.vi() == null || label.vi().isBlank()) {
      problems.add(new CatalogProblem(field + ".vi", vietnameseRequired()));
    } else if (label.vi().length() > MAX_TEXT) {
      problems.add(new CatalogProblem(field + ".vi", tooLong()));
    }
    if (label.en() != null && label.en().length() > MAX_TEXT) {
      problems.add(new CatalogProblem(field + ".en", tooLong()));
    }
  }

  private static void days(String field, int days, List<CatalogProblem> problems) {
    if (days < 0 || days > MAX_DAYS) {
      problems.add(new CatalogProblem(field, "Từ 0 đến " + MAX_DAYS + " ngày làm việc / From 0 to " + MAX_DAYS
          + " working days"));
    }
  }

  private static void noRepeats(String field, List<?> values, List<CatalogProblem> problems) {
    Set<Object> seen = new HashSet<>();
    // the records' lists hold no nulls (List.copyOf)
    for (Object value : values) {
      if (!seen.add(value)) {
        problems.add(new CatalogProblem(field, value + " bị trùng / " + value + " appears twice"));
      }
    }
  }

  private static String vietnameseRequired() {
    return "Bắt buộc có nội dung tiếng Việt / The Vietnamese text is required";
  }

  private static String tooLong() {
    return "Tối đa " + MAX_TEXT + " ký tự / At most " + MAX_TEXT + " characters";
  }
}
