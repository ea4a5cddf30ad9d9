-- The portal's catalog as first delivered, from shared/domain/REFERENCE.md "Online electricity services".
-- Admins change it through PUT /api/service-types/{code}; this only seeds it.
-- Promised days and fees marked "unverified" are plausible defaults, not taken from a regulation or price list.
-- Every service requires PHONE and CONTACT_NAME (the unit calls back); CUSTOMER_CODE when requires_customer.

insert into service_type (code, category, name_vi, name_en, description_vi, description_en, promised_working_days,
                          promised_working_days_rural, fee_vnd, fee_note_vi, fee_note_en, handled_by,
                          requires_customer, free_text_allowed, auto_forward, required_fields, required_documents,
                          position)
values
-- New connections: a new contract, so no customer code yet. Low-voltage days 3 city / 5 rural: unverified.
('NEW_LV_RESIDENTIAL_1P', 'NEW_CONNECTION',
 'Cấp điện mới hạ áp sinh hoạt 1 pha', 'New low-voltage residential supply, single-phase', null, null, 3, 5,
 0, 'Điện lực lắp công tơ miễn phí; dây sau công tơ do khách hàng đầu tư',
 'The meter is installed free; wiring after the meter is the customer''s', 'POWER_COMPANY', false, false, true,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE}', '{ID_CARD}', 10),
('NEW_LV_RESIDENTIAL_3P', 'NEW_CONNECTION',
 'Cấp điện mới hạ áp sinh hoạt 3 pha', 'New low-voltage residential supply, three-phase', null, null, 3, 5,
 null, 'Theo dự toán nếu cần kéo thêm đường dây (chưa xác minh)', 'Quoted when the line must be extended (unverified)',
 'POWER_COMPANY', false, false, true,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE,REQUESTED_CAPACITY_KW}', '{ID_CARD}', 20),
('NEW_SHARED_METER', 'NEW_CONNECTION',
 'Cấp điện mới công tơ dùng chung nhiều hộ', 'New supply on a meter shared by several households', null, null, 3, 5,
 0, null, null, 'POWER_COMPANY', false, false, true,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE,HOUSEHOLDS}', '{ID_CARD,HOUSEHOLD_PROOF}', 30),
('SPLIT_SHARED_METER', 'NEW_CONNECTION',
 'Tách hộ dùng chung công tơ, lắp công tơ riêng', 'Own meter for a household on a shared meter', null, null, 3, 5,
 0, null, null, 'POWER_COMPANY', false, false, true,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE}', '{ID_CARD,RESIDENCE_CONFIRMATION}', 40),
-- non-residential under 40 kW: 4 / 6 days, unverified
('NEW_NON_RESIDENTIAL_UNDER_40KW', 'NEW_CONNECTION',
 'Cấp điện mới ngoài sinh hoạt dưới 40 kW', 'New non-residential supply under 40 kW', null, null, 4, 6,
 null, 'Theo dự toán nếu cần kéo thêm đường dây (chưa xác minh)', 'Quoted when the line must be extended (unverified)',
 'POWER_COMPANY', false, false, true,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE,REQUESTED_CAPACITY_KW,PHASES}',
 '{ID_CARD,BUSINESS_REGISTRATION,LOAD_LIST}', 50),
-- 40 kW and more, and medium voltage: a site survey first, so a person reviews every request (no auto-forward);
-- 5 and 4 working days for the Power Company's part: unverified
('NEW_NON_RESIDENTIAL_FROM_40KW', 'NEW_CONNECTION',
 'Cấp điện mới ngoài sinh hoạt từ 40 kW trở lên', 'New non-residential supply of 40 kW or more',
 'Điện lực khảo sát hiện trường trước khi cấp điện', 'The Power Company surveys the site before connecting', 5, 7,
 null, 'Theo dự toán sau khảo sát', 'Quoted after the site survey', 'POWER_COMPANY', false, false, false,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE,REQUESTED_CAPACITY_KW}',
 '{ID_CARD,BUSINESS_REGISTRATION,LOAD_LIST,LAND_USE_CERTIFICATE}', 60),
('TEMPORARY_SUPPLY', 'NEW_CONNECTION',
 'Cấp điện tạm thời', 'Temporary supply', null, null, 3, 5,
 null, 'Theo dự toán lắp đặt và tháo dỡ (chưa xác minh)', 'Quoted for installing and removing it (unverified)',
 'POWER_COMPANY', false, false, true,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE,REQUESTED_CAPACITY_KW,PHASES,PREFERRED_DATE}', '{ID_CARD}', 70),
('NEW_MEDIUM_VOLTAGE', 'NEW_CONNECTION',
 'Cấp điện mới trung áp', 'New medium-voltage supply',
 'Khảo sát, thỏa thuận đấu nối và nghiệm thu trạm biến áp của khách hàng',
 'Site survey, connection agreement and acceptance of the customer''s substation', 4, null,
 null, 'Khách hàng đầu tư công trình điện; thỏa thuận đấu nối miễn phí (chưa xác minh)',
 'The customer builds the works; the connection agreement is free (unverified)', 'POWER_COMPANY', false, false, false,
 '{PHONE,CONTACT_NAME,ADDRESS,ID_NUMBER,PURPOSE_OF_USE,REQUESTED_CAPACITY_KW}',
 '{ID_CARD,BUSINESS_REGISTRATION,LAND_USE_CERTIFICATE,LOAD_LIST}', 80),

-- Contract changes: free, within 3 working days.
('CHANGE_OF_HOLDER', 'CONTRACT_CHANGE',
 'Thay đổi chủ thể hợp đồng mua bán điện', 'Change of contract holder', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,NEW_HOLDER_NAME,NEW_HOLDER_ID_NUMBER}', '{ID_CARD}', 110),
('CHANGE_OF_DETAILS', 'CONTRACT_CHANGE',
 'Thay đổi thông tin khách hàng', 'Change of customer details', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, true, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE}', '{}', 120),
('CHANGE_OF_PURPOSE', 'CONTRACT_CHANGE',
 'Thay đổi mục đích sử dụng điện (giá điện)', 'Change of purpose of use (tariff)', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,PURPOSE_OF_USE}', '{ID_CARD}', 130),
('CHANGE_OF_HOUSEHOLD_NORM', 'CONTRACT_CHANGE',
 'Thay đổi định mức số hộ sử dụng điện', 'Change of household norm (định mức)', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,HOUSEHOLDS}', '{HOUSEHOLD_PROOF}', 140),
('CONTRACT_RENEWAL', 'CONTRACT_CHANGE',
 'Gia hạn hợp đồng mua bán điện', 'Renewal of the supply contract', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE}', '{ID_CARD}', 150),
('CONTRACT_TERMINATION', 'CONTRACT_CHANGE',
 'Chấm dứt hợp đồng mua bán điện', 'Termination of the supply contract', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,PREFERRED_DATE}', '{ID_CARD}', 160),

-- Paid services.
('METER_RELOCATION', 'PAID_SERVICE',
 'Di dời công tơ', 'Meter relocation', null, null, 7, null,
 null, 'Khách hàng trả chi phí di dời theo dự toán (chưa xác minh)',
 'The customer pays the relocation as quoted (unverified)', 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,NEW_METER_LOCATION}', '{ID_CARD}', 210),
('CAPACITY_CHANGE', 'PAID_SERVICE',
 'Thay đổi công suất sử dụng điện', 'Capacity change', null, null, 3, 5,
 null, '7 ngày làm việc khi phải lắp biến dòng đo lường; chi phí theo dự toán',
 '7 working days when a current transformer is needed; cost as quoted', 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,REQUESTED_CAPACITY_KW}', '{}', 220),
-- reconnection fee: unverified, a plausible figure rather than a price-list entry
('RECONNECTION', 'PAID_SERVICE',
 'Cấp điện trở lại theo yêu cầu', 'Reconnection on request', null, null, 1, null,
 100000, 'Phí đóng điện trở lại (chưa xác minh)', 'Reconnection fee (unverified)', 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE}', '{}', 230),
('METER_INSPECTION', 'PAID_SERVICE',
 'Kiểm định công tơ theo yêu cầu', 'Meter inspection on request', null, null, 3, null,
 null, 'Khách hàng trả phí kiểm định khi công tơ đạt chuẩn; miễn phí khi công tơ sai (chưa xác minh)',
 'The customer pays the test only when the meter proves accurate (unverified)', 'POWER_COMPANY', true, false, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE}', '{}', 240),

-- Other: questions and complaints, which may be described in free text.
('PAYMENT_QUESTION', 'OTHER',
 'Hỏi đáp thanh toán và hóa đơn', 'Payment and invoice question', null, null, 2, null,
 0, null, null, 'CARE_CENTRE', false, true, true,
 '{PHONE,CONTACT_NAME}', '{}', 310),
('OUTAGE_REPORT', 'OTHER',
 'Báo mất điện, sự cố lưới điện', 'Outage or fault report',
 'Trường hợp nguy hiểm xin gọi ngay tổng đài', 'In danger, call the hotline at once', 1, null,
 0, null, null, 'POWER_COMPANY', false, true, true,
 '{PHONE,CONTACT_NAME,ADDRESS}', '{}', 320),
('QUALITY_COMPLAINT', 'OTHER',
 'Khiếu nại chất lượng điện', 'Electricity quality complaint', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, true, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE}', '{}', 330),
('ABNORMAL_BILL', 'OTHER',
 'Hóa đơn tiền điện bất thường', 'Abnormal bill', null, null, 3, null,
 0, null, null, 'POWER_COMPANY', true, true, true,
 '{PHONE,CONTACT_NAME,CUSTOMER_CODE,BILLING_PERIOD}', '{}', 340);

insert into service_reason (service_type, code, label_vi, label_en, required_fields, required_documents, position)
values
('NEW_LV_RESIDENTIAL_1P', 'NEW_HOUSE', 'Nhà mới xây', 'Newly built house', '{}', '{LAND_USE_CERTIFICATE}', 1),
('NEW_LV_RESIDENTIAL_1P', 'OWN_HOME_NO_METER', 'Nhà đang ở chưa có công tơ riêng', 'Home without its own meter', '{}', '{LAND_USE_CERTIFICATE}', 2),
('NEW_LV_RESIDENTIAL_1P', 'LONG_TERM_TENANT', 'Thuê nhà ở lâu dài', 'Long-term tenant', '{}', '{LEASE_CONTRACT,RESIDENCE_CONFIRMATION}', 3),

('NEW_LV_RESIDENTIAL_3P', 'NEW_HOUSE', 'Nhà mới xây', 'Newly built house', '{}', '{LAND_USE_CERTIFICATE}', 1),
('NEW_LV_RESIDENTIAL_3P', 'LARGE_LOADS', 'Thiết bị công suất lớn (bếp từ, điều hòa, sạc xe điện)', 'Large loads (induction hob, air conditioning, EV charger)', '{}', '{LAND_USE_CERTIFICATE,LOAD_LIST}', 2),
('NEW_LV_RESIDENTIAL_3P', 'LONG_TERM_TENANT', 'Thuê nhà ở lâu dài', 'Long-term tenant', '{}', '{LEASE_CONTRACT,RESIDENCE_CONFIRMATION}', 3),

('NEW_SHARED_METER', 'LODGING_HOUSE', 'Nhà trọ, nhiều hộ chung một địa chỉ', 'Lodging house, several households at one address', '{}', '{LAND_USE_CERTIFICATE}', 1),
('NEW_SHARED_METER', 'EXTENDED_FAMILY', 'Nhiều hộ gia đình cùng sống trong một nhà', 'Several households living in one house', '{}', '{RESIDENCE_CONFIRMATION}', 2),

('SPLIT_SHARED_METER', 'SEPARATE_HOUSEHOLD', 'Đã tách hộ riêng', 'Registered as a separate household', '{}', '{}', 1),
('SPLIT_SHARED_METER', 'SEPARATE_DWELLING', 'Đã xây nhà riêng trên cùng thửa đất', 'Built a separate house on the same plot', '{}', '{LAND_USE_CERTIFICATE}', 2),
('SPLIT_SHARED_METER', 'TENANT_OWN_METER', 'Người thuê cần công tơ riêng', 'Tenant needs a meter of their own', '{}', '{LEASE_CONTRACT}', 3),

('NEW_NON_RESIDENTIAL_UNDER_40KW', 'SHOP', 'Cửa hàng, kinh doanh dịch vụ', 'Shop or service business', '{}', '{}', 1),
('NEW_NON_RESIDENTIAL_UNDER_40KW', 'OFFICE', 'Văn phòng', 'Office', '{}', '{}', 2),
('NEW_NON_RESIDENTIAL_UNDER_40KW', 'SMALL_WORKSHOP', 'Cơ sở sản xuất nhỏ', 'Small workshop', '{}', '{}', 3),
('NEW_NON_RESIDENTIAL_UNDER_40KW', 'EV_CHARGING', 'Trạm sạc xe điện', 'Electric vehicle charging point', '{}', '{}', 4),

('NEW_NON_RESIDENTIAL_FROM_40KW', 'FACTORY', 'Nhà xưởng sản xuất', 'Factory', '{}', '{}', 1),
('NEW_NON_RESIDENTIAL_FROM_40KW', 'COMMERCIAL_BUILDING', 'Tòa nhà thương mại, khách sạn', 'Commercial building or hotel', '{}', '{}', 2),
('NEW_NON_RESIDENTIAL_FROM_40KW', 'PUBLIC_FACILITY', 'Trường học, bệnh viện, cơ quan', 'School, hospital or public office', '{}', '{}', 3),

('TEMPORARY_SUPPLY', 'CONSTRUCTION', 'Thi công xây dựng', 'Building site', '{}', '{CONSTRUCTION_PERMIT}', 1),
('TEMPORARY_SUPPLY', 'EVENT', 'Sự kiện, lễ hội', 'Event or festival', '{}', '{}', 2),
('TEMPORARY_SUPPLY', 'SEASONAL_BUSINESS', 'Kinh doanh thời vụ', 'Seasonal business', '{}', '{BUSINESS_REGISTRATION}', 3),

('NEW_MEDIUM_VOLTAGE', 'OWN_SUBSTATION', 'Khách hàng đầu tư trạm biến áp riêng', 'Customer''s own substation', '{}', '{}', 1),
('NEW_MEDIUM_VOLTAGE', 'INDUSTRIAL_PARK', 'Dự án trong khu công nghiệp', 'Project in an industrial park', '{}', '{}', 2),
('NEW_MEDIUM_VOLTAGE', 'UPGRADE_FROM_LV', 'Chuyển từ hạ áp lên trung áp', 'Moving from low to medium voltage', '{CUSTOMER_CODE}', '{}', 3),

('CHANGE_OF_HOLDER', 'HOUSE_SOLD', 'Mua bán, chuyển nhượng nhà', 'House sold or transferred', '{}', '{LAND_USE_CERTIFICATE}', 1),
('CHANGE_OF_HOLDER', 'INHERITANCE', 'Thừa kế, chủ hợp đồng đã mất', 'Inheritance, the holder has died', '{}', '{LAND_USE_CERTIFICATE}', 2),
('CHANGE_OF_HOLDER', 'TENANT_TAKES_OVER', 'Người thuê nhà đứng tên hợp đồng', 'The tenant takes over the contract', '{}', '{LEASE_CONTRACT,AUTHORISATION_LETTER}', 3),
('CHANGE_OF_HOLDER', 'COMPANY_REORGANISED', 'Doanh nghiệp sáp nhập, chuyển đổi', 'Company merged or reorganised', '{}', '{BUSINESS_REGISTRATION}', 4),

('CHANGE_OF_DETAILS', 'NAME_OR_ID', 'Thay đổi họ tên, số CCCD', 'Name or identity card number changed', '{ID_NUMBER}', '{ID_CARD}', 1),
('CHANGE_OF_DETAILS', 'CONTACT', 'Thay đổi số điện thoại, thư điện tử nhận thông báo', 'New phone number or e-mail for notices', '{}', '{}', 2),
('CHANGE_OF_DETAILS', 'BUSINESS_DETAILS', 'Thay đổi tên, mã số thuế doanh nghiệp', 'Company name or tax code changed', '{ID_NUMBER}', '{BUSINESS_REGISTRATION}', 3),

('CHANGE_OF_PURPOSE', 'HOME_TO_BUSINESS', 'Nhà ở chuyển sang kinh doanh', 'Home now used for business', '{}', '{BUSINESS_REGISTRATION}', 1),
('CHANGE_OF_PURPOSE', 'BUSINESS_TO_HOME', 'Thôi kinh doanh, chỉ dùng để ở', 'Business closed, home use only', '{}', '{}', 2),
('CHANGE_OF_PURPOSE', 'MIXED_USE', 'Vừa sinh hoạt vừa kinh doanh (tỷ lệ giá)', 'Mixed home and business use (tariff split)', '{DESCRIPTION}', '{}', 3),

('CHANGE_OF_HOUSEHOLD_NORM', 'MORE_HOUSEHOLDS', 'Tăng số hộ dùng chung công tơ', 'More households on the meter', '{}', '{RESIDENCE_CONFIRMATION}', 1),
('CHANGE_OF_HOUSEHOLD_NORM', 'FEWER_HOUSEHOLDS', 'Giảm số hộ dùng chung công tơ', 'Fewer households on the meter', '{}', '{}', 2),
('CHANGE_OF_HOUSEHOLD_NORM', 'LODGERS', 'Người thuê trọ (định mức theo số người)', 'Lodgers (norm by number of people)', '{}', '{LEASE_CONTRACT,RESIDENCE_CONFIRMATION}', 3),

('CONTRACT_RENEWAL', 'CONTRACT_EXPIRING', 'Hợp đồng sắp hết hạn', 'The contract is about to expire', '{}', '{}', 1),
('CONTRACT_RENEWAL', 'LEASE_EXTENDED', 'Gia hạn hợp đồng thuê nhà', 'The lease has been extended', '{}', '{LEASE_CONTRACT}', 2),

('CONTRACT_TERMINATION', 'MOVING_AWAY', 'Chuyển đi nơi khác', 'Moving away', '{}', '{}', 1),
('CONTRACT_TERMINATION', 'DEMOLITION', 'Phá dỡ, xây lại nhà', 'Building demolished or rebuilt', '{}', '{}', 2),
('CONTRACT_TERMINATION', 'BUSINESS_CLOSED', 'Ngừng kinh doanh, giải thể', 'Business closed or dissolved', '{}', '{}', 3),
('CONTRACT_TERMINATION', 'LEASE_ENDED', 'Hết hạn thuê nhà', 'The lease has ended', '{}', '{LEASE_CONTRACT}', 4),

('METER_RELOCATION', 'RENOVATION', 'Sửa chữa, cải tạo nhà', 'Renovation', '{}', '{}', 1),
('METER_RELOCATION', 'UNSAFE_LOCATION', 'Vị trí hiện tại không an toàn, khó ghi chỉ số', 'Current location unsafe or hard to read', '{}', '{}', 2),
('METER_RELOCATION', 'ROAD_WORKS', 'Mở rộng đường, giải phóng mặt bằng', 'Road widening or site clearance', '{}', '{}', 3),

('CAPACITY_CHANGE', 'INCREASE', 'Tăng công suất', 'Increase', '{}', '{LOAD_LIST}', 1),
('CAPACITY_CHANGE', 'DECREASE', 'Giảm công suất', 'Decrease', '{}', '{}', 2),
('CAPACITY_CHANGE', 'SINGLE_TO_THREE_PHASE', 'Chuyển từ 1 pha sang 3 pha', 'From single-phase to three-phase', '{PHASES}', '{LOAD_LIST}', 3),

('RECONNECTION', 'BILL_PAID', 'Đã thanh toán tiền điện nợ', 'The overdue bill has been paid', '{BILLING_PERIOD}', '{}', 1),
('RECONNECTION', 'SUSPENSION_ENDED', 'Hết thời gian tạm ngừng theo yêu cầu', 'A requested suspension has ended', '{PREFERRED_DATE}', '{}', 2),
('RECONNECTION', 'AFTER_REPAIRS', 'Đã sửa xong điện trong nhà', 'Wiring repairs are finished', '{}', '{}', 3),

('METER_INSPECTION', 'RUNS_FAST', 'Nghi công tơ chạy nhanh', 'The meter seems to run fast', '{}', '{}', 1),
('METER_INSPECTION', 'DAMAGED', 'Công tơ hỏng, cháy, mất niêm phong', 'Meter damaged, burnt or its seal broken', '{}', '{}', 2),
('METER_INSPECTION', 'DISPLAY_BLANK', 'Màn hình công tơ không hiển thị', 'The meter display is blank', '{}', '{}', 3),

('PAYMENT_QUESTION', 'WAYS_TO_PAY', 'Các hình thức thanh toán', 'Ways to pay', '{}', '{}', 1),
('PAYMENT_QUESTION', 'PAYMENT_NOT_RECORDED', 'Đã thanh toán nhưng chưa được ghi nhận', 'Paid but not recorded', '{CUSTOMER_CODE,BILLING_PERIOD}', '{}', 2),
('PAYMENT_QUESTION', 'E_INVOICE', 'Nhận, tra cứu hóa đơn điện tử', 'Getting or finding e-invoices', '{CUSTOMER_CODE,EMAIL}', '{}', 3),
('PAYMENT_QUESTION', 'COMPANY_INVOICE', 'Thông tin xuất hóa đơn cho doanh nghiệp', 'Invoice details for a company', '{CUSTOMER_CODE,ID_NUMBER}', '{BUSINESS_REGISTRATION}', 4),

('OUTAGE_REPORT', 'HOME_ONLY', 'Mất điện một nhà', 'Only my home has no power', '{}', '{}', 1),
('OUTAGE_REPORT', 'WHOLE_AREA', 'Mất điện cả khu vực', 'The whole area has no power', '{}', '{}', 2),
('OUTAGE_REPORT', 'DANGER', 'Dây điện đứt, cột nghiêng, nguy hiểm', 'Broken line, leaning pole or other danger', '{DESCRIPTION}', '{}', 3),

('QUALITY_COMPLAINT', 'LOW_VOLTAGE', 'Điện áp thấp, đèn mờ', 'Low voltage, dim lights', '{}', '{}', 1),
('QUALITY_COMPLAINT', 'FLICKER', 'Điện chập chờn, mất điện thoáng qua', 'Flicker or brief interruptions', '{}', '{}', 2),
('QUALITY_COMPLAINT', 'HIGH_VOLTAGE', 'Điện áp cao làm hỏng thiết bị', 'Overvoltage damaging appliances', '{DESCRIPTION}', '{}', 3),

('ABNORMAL_BILL', 'SUDDEN_INCREASE', 'Tiền điện tăng đột biến', 'The bill jumped', '{}', '{}', 1),
('ABNORMAL_BILL', 'WRONG_READING', 'Ghi sai chỉ số công tơ', 'Wrong meter reading', '{}', '{INVOICE}', 2),
('ABNORMAL_BILL', 'WRONG_TARIFF', 'Áp sai giá điện hoặc định mức', 'Wrong tariff or household norm', '{}', '{INVOICE}', 3),
('ABNORMAL_BILL', 'BILLED_TWICE', 'Bị tính tiền hai lần', 'Billed twice', '{}', '{INVOICE}', 4);
