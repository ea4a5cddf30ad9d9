package io.gridcare.requests;

/** Where a request stands, as the customer sees it. */
public enum RequestStatus {
  RECEIVED(new Label("Đã tiếp nhận", "Received"), true),
  IN_REVIEW(new Label("Đang kiểm tra", "Being reviewed"), true),
  WAITING_FOR_CUSTOMER(new Label("Chờ khách hàng bổ sung thông tin", "Waiting for more information from you"), true),
  FORWARDED(new Label("Đã chuyển Điện lực xử lý", "Forwarded to the Power Company"), true),
  COMPLETED(new Label("Đã hoàn thành", "Completed"), false),
  REJECTED(new Label("Không thực hiện", "Rejected"), false),
  MERGED(new Label("Gộp với yêu cầu trước", "Merged with an earlier request"), false);

  private final Label label;
  private final boolean open;

  RequestStatus(Label label, boolean open) {
    this.label = label;
    this.open = open;
  }

  public Label label() {
    return label;
  }

  public boolean open() {
    return open;
  }
}
