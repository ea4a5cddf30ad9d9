package io.gridcare.requests;

/**
 * The fields a portal request may carry. The catalog says which a service (or one of its reasons) requires;
 * validation knows each one's kind. {@code key} is the JSON property name.
 */
public enum RequestField {
  CUSTOMER_CODE("customerCode", Kind.CUSTOMER_CODE, new Label("Mã khách hàng", "Customer code")),
  CONTACT_NAME("contactName", Kind.TEXT, new Label("Họ tên người yêu cầu", "Name of the requester")),
  PHONE("phone", Kind.PHONE, new Label("Số điện thoại", "Phone number")),
  EMAIL("email", Kind.EMAIL, new Label("Thư điện tử", "E-mail")),
  ID_NUMBER("idNumber", Kind.ID_NUMBER, new Label("Số CCCD / mã số thuế", "Identity card number or tax code")),
  ADDRESS("address", Kind.ADDRESS, new Label("Địa chỉ sử dụng điện", "Address of supply")),
  REQUESTED_CAPACITY_KW("requestedCapacityKw", Kind.DECIMAL, new Label("Công suất đề nghị (kW)", "Requested capacity (kW)")),
  PHASES("phases", Kind.PHASES, new Label("Số pha", "Phases")),
  HOUSEHOLDS("households", Kind.INTEGER, new Label("Số hộ dùng chung", "Households on the meter")),
  PURPOSE_OF_USE("purposeOfUse", Kind.PURPOSE, new Label("Mục đích sử dụng điện", "Purpose of use")),
  NEW_HOLDER_NAME("newHolderName", Kind.TEXT, new Label("Tên chủ hợp đồng mới", "New contract holder")),
  NEW_HOLDER_ID_NUMBER("newHolderIdNumber", Kind.ID_NUMBER, new Label("CCCD / mã số thuế chủ hợp đồng mới", "New holder's identity card or tax code")),
  NEW_METER_LOCATION("newMeterLocation", Kind.TEXT, new Label("Vị trí đặt công tơ mới", "New meter location")),
  PREFERRED_DATE("preferredDate", Kind.DATE, new Label("Ngày mong muốn", "Preferred date")),
  BILLING_PERIOD("billingPeriod", Kind.MONTH, new Label("Kỳ hóa đơn", "Billing period")),
  DESCRIPTION("description", Kind.TEXT, new Label("Nội dung yêu cầu", "Description"));

  /** How a value is checked. */
  public enum Kind {
    TEXT, CUSTOMER_CODE, PHONE, EMAIL, ID_NUMBER, ADDRESS, DECIMAL, INTEGER, PHASES, PURPOSE, DATE, MONTH
  }

  private final String key;
  private final Kind kind;
  private final Label label;

  RequestField(String key, Kind kind, Label label) {
    this.key = key;
    this.kind = kind;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public Label label() {
    return label;
  }
}
