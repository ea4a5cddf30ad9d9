package io.gridcare.requests;

/** Papers a service may ask for; the portal uploads them to its own storage and sends their references. */
public enum DocumentKind {
  ID_CARD(new Label("Căn cước công dân / CCCD", "Citizen identity card")),
  RESIDENCE_CONFIRMATION(new Label("Giấy xác nhận cư trú", "Proof of residence")),
  LAND_USE_CERTIFICATE(new Label("Giấy chứng nhận quyền sử dụng đất / sở hữu nhà", "Land use or house ownership certificate")),
  LEASE_CONTRACT(new Label("Hợp đồng thuê nhà", "Lease contract")),
  BUSINESS_REGISTRATION(new Label("Giấy chứng nhận đăng ký kinh doanh", "Business registration certificate")),
  AUTHORISATION_LETTER(new Label("Giấy ủy quyền", "Letter of authorisation")),
  LOAD_LIST(new Label("Bảng kê công suất thiết bị", "List of connected equipment and loads")),
  HOUSEHOLD_PROOF(new Label("Giấy tờ chứng minh số hộ dùng chung", "Proof of the households sharing the meter")),
  CONSTRUCTION_PERMIT(new Label("Giấy phép xây dựng", "Construction permit")),
  INVOICE(new Label("Hóa đơn tiền điện liên quan", "The bill in question"));

  private final Label label;

  DocumentKind(Label label) {
    this.label = label;
  }

  public Label label() {
    return label;
  }
}
