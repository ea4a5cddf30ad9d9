-- Standard notice templates (Mustache: {{variable}}, {{#variable}}...{{/variable}} for optional parts).
-- notice_template points at each type's current version; versions are never changed, saving adds the next one.
create table notice_template (
  notice_type     varchar(40) primary key,
  current_version integer     not null
);

create table notice_template_version (
  notice_type          varchar(40)  not null references notice_template (notice_type),
  version              integer      not null,
  sms_text             text         not null,
  sms_may_drop_accents boolean      not null,
  zns_template_id      varchar(20),
  -- ZNS parameter name -> template variable
  zns_params           jsonb        not null default '{}',
  comment              varchar(500),
  created_by           varchar(100) not null,
  created_at           timestamptz  not null default now(),
  primary key (notice_type, version)
);

-- Title, text and optional e-mail HTML per language (vi, en)
create table notice_template_text (
  notice_type varchar(40) not null,
  version     integer     not null,
  language    varchar(5)  not null,
  title       text        not null,
  body        text        not null,
  html        text,
  primary key (notice_type, version, language),
  foreign key (notice_type, version) references notice_template_version (notice_type, version)
);

insert into notice_template (notice_type, current_version) values
  ('BILL_ISSUED', 1),
  ('PAYMENT_DUE', 1),
  ('PAYMENT_OVERDUE', 1),
  ('DISCONNECTION_WARNING', 1),
  ('PAYMENT_RECEIVED', 1),
  ('OUTAGE_STARTED', 1),
  ('OUTAGE_RESTORED', 1),
  ('PLANNED_OUTAGE_SCHEDULED', 1),
  ('PLANNED_OUTAGE_CHANGED', 1),
  ('PLANNED_OUTAGE_CANCELLED', 1),
  ('ABNORMAL_CONSUMPTION', 1),
  ('REQUEST_STATUS_CHANGED', 1),
  ('COMPLAINT_STATUS_CHANGED', 1);

insert into notice_template_version (notice_type, version, sms_text, sms_may_drop_accents, zns_template_id,
                                     zns_params, comment, created_by) values
  ('BILL_ISSUED', 1, '{{unitName}} TB: Tiền điện kỳ {{period}} của KH {{customerCode}} là {{amount}} ({{kwh}} kWh), hạn thanh toán {{dueDate}}. Trân trọng!',
   true, '318204', '{"customer_name": "customerName", "customer_code": "customerCode", "period": "period", "kwh": "kwh", "amount": "amount", "due_date": "dueDate"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('PAYMENT_DUE', 1, '{{unitName}} nhắc: tiền điện kỳ {{period}} của KH {{customerCode}} là {{amount}}, hạn thanh toán {{dueDate}}. Xin bỏ qua nếu đã thanh toán.',
   true, '318206', '{"customer_name": "customerName", "customer_code": "customerCode", "period": "period", "amount": "amount", "due_date": "dueDate"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('PAYMENT_OVERDUE', 1, '{{unitName}} TB: Tiền điện kỳ {{period}} của KH {{customerCode}} {{amount}} đã quá hạn {{dueDate}}. Đề nghị thanh toán sớm. Bỏ qua nếu đã thanh toán.',
   true, '318207', '{"customer_name": "customerName", "customer_code": "customerCode", "period": "period", "amount": "amount", "due_date": "dueDate"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('DISCONNECTION_WARNING', 1, '{{unitName}} TB: KH {{customerCode}} nợ tiền điện kỳ {{period}} {{amount}}, sẽ ngừng cấp điện từ {{disconnectionDate}}. Bỏ qua nếu đã thanh toán.',
   true, '318209', '{"customer_name": "customerName", "customer_code": "customerCode", "period": "period", "amount": "amount", "cut_date": "disconnectionDate"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('PAYMENT_RECEIVED', 1, '{{unitName}} xác nhận KH {{customerCode}} đã thanh toán {{amount}} tiền điện kỳ {{period}} lúc {{paidAt}}. Trân trọng cảm ơn!',
   true, '318211', '{"customer_name": "customerName", "customer_code": "customerCode", "period": "period", "amount": "amount", "paid_at": "paidAt"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('OUTAGE_STARTED', 1, '{{unitName}}: {{area}} mất điện từ {{outageStart}}, đang khắc phục{{#expectedRestoration}}, dự kiến có điện {{expectedRestoration}}{{/expectedRestoration}}. Xin lỗi Quý khách!',
   true, '318215', '{"customer_name": "customerName", "area": "area", "start_time": "outageStart"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('OUTAGE_RESTORED', 1, '{{unitName}}: Đã có điện lại khu vực {{area}} lúc {{restoredAt}}. Nếu nhà Quý khách vẫn mất điện xin báo Điện lực. Cảm ơn!',
   true, '318216', '{"customer_name": "customerName", "area": "area", "restored_time": "restoredAt"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('PLANNED_OUTAGE_SCHEDULED', 1, '{{unitName}}: Ngừng cấp điện {{area}} từ {{outageStart}} đến {{expectedRestoration}} để {{reason}}. Xin lỗi Quý khách!',
   true, '318220', '{"customer_name": "customerName", "area": "area", "start_time": "outageStart", "end_time": "expectedRestoration", "reason": "reason"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('PLANNED_OUTAGE_CHANGED', 1, '{{unitName}}: Lịch ngừng cấp điện {{area}} lúc {{previousStart}} đổi sang {{outageStart}} đến {{expectedRestoration}}. Xin lỗi Quý khách!',
   true, '318221', '{"customer_name": "customerName", "area": "area", "old_start_time": "previousStart", "start_time": "outageStart", "end_time": "expectedRestoration"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('PLANNED_OUTAGE_CANCELLED', 1, '{{unitName}}: Hủy lịch ngừng cấp điện {{area}} từ {{outageStart}} đến {{expectedRestoration}}. Điện vẫn cấp bình thường. Trân trọng!',
   true, '318222', '{"customer_name": "customerName", "area": "area", "start_time": "outageStart", "end_time": "expectedRestoration"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('ABNORMAL_CONSUMPTION', 1, '{{unitName}} TB: Điện tiêu thụ kỳ {{period}} của KH {{customerCode}} là {{kwh}} kWh, tăng {{changePercent}}% so với trung bình. Đề nghị kiểm tra thiết bị điện.',
   true, '318230', '{"customer_name": "customerName", "customer_code": "customerCode", "period": "period", "kwh": "kwh", "average_kwh": "averageKwh"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('REQUEST_STATUS_CHANGED', 1, '{{unitName}} TB: Yêu cầu {{requestCode}} ({{serviceName}}) của KH {{customerCode}}: {{status}}. Trân trọng!',
   true, '318240', '{"customer_name": "customerName", "request_code": "requestCode", "service": "serviceName", "status": "status"}',
   'Mẫu chuẩn / Standard template', 'gridcare'),

  ('COMPLAINT_STATUS_CHANGED', 1, '{{unitName}} TB: Phản ánh {{requestCode}} của KH {{customerCode}}: {{status}}. Cảm ơn Quý khách đã phản ánh!',
   true, '318241', '{"customer_name": "customerName", "request_code": "requestCode", "subject": "subject", "status": "status"}',
   'Mẫu chuẩn / Standard template', 'gridcare');

insert into notice_template_text (notice_type, version, language, title, body, html) values
  ('BILL_ISSUED', 1, 'vi',
   'Thông báo tiền điện kỳ {{period}}',
   E'Kính gửi Quý khách {{customerName}} (mã khách hàng {{customerCode}}),\n{{unitName}} thông báo tiền điện kỳ {{period}} tại địa chỉ {{address}}: điện năng tiêu thụ {{kwh}} kWh, số tiền {{amount}} (đã gồm thuế GTGT). Hạn thanh toán: {{dueDate}}.\nQuý khách có thể thanh toán qua ứng dụng chăm sóc khách hàng, ngân hàng, ví điện tử hoặc tại các điểm thu tiền điện. Trân trọng cảm ơn!',
   E'<p>Kính gửi Quý khách <strong>{{customerName}}</strong> (mã khách hàng {{customerCode}}),</p>\n<p>{{unitName}} thông báo tiền điện kỳ {{period}} tại địa chỉ {{address}}:</p>\n<table>\n  <tr><td>Điện năng tiêu thụ</td><td>{{kwh}} kWh</td></tr>\n  <tr><td>Số tiền (đã gồm thuế GTGT)</td><td><strong>{{amount}}</strong></td></tr>\n  <tr><td>Hạn thanh toán</td><td>{{dueDate}}</td></tr>\n</table>\n<p>Quý khách có thể thanh toán qua ứng dụng chăm sóc khách hàng, ngân hàng, ví điện tử hoặc tại các điểm thu tiền điện.</p>\n<p>Trân trọng cảm ơn!</p>'),

  ('BILL_ISSUED', 1, 'en',
   'Electricity bill for {{period}}',
   E'Dear {{customerName}} (customer code {{customerCode}}),\n{{unitName}} informs you of your electricity bill for {{period}} at {{address}}: {{kwh}} kWh consumed, amount {{amount}} (VAT included). Due date: {{dueDate}}.\nYou can pay in the customer care app, at your bank, with an e-wallet or at any collection point. Thank you!',
   E'<p>Dear <strong>{{customerName}}</strong> (customer code {{customerCode}}),</p>\n<p>{{unitName}} informs you of your electricity bill for {{period}} at {{address}}:</p>\n<table>\n  <tr><td>Consumption</td><td>{{kwh}} kWh</td></tr>\n  <tr><td>Amount (VAT included)</td><td><strong>{{amount}}</strong></td></tr>\n  <tr><td>Due date</td><td>{{dueDate}}</td></tr>\n</table>\n<p>You can pay in the customer care app, at your bank, with an e-wallet or at any collection point.</p>\n<p>Thank you!</p>'),

  ('PAYMENT_DUE', 1, 'vi',
   'Nhắc hạn thanh toán tiền điện kỳ {{period}}',
   E'Kính gửi Quý khách {{customerName}} (mã khách hàng {{customerCode}}),\nTiền điện kỳ {{period}} số tiền {{amount}} sẽ đến hạn thanh toán vào ngày {{dueDate}}. Quý khách vui lòng thanh toán đúng hạn qua ứng dụng chăm sóc khách hàng, ngân hàng hoặc ví điện tử. Nếu Quý khách đã thanh toán, xin vui lòng bỏ qua thông báo này.\n{{unitName}} trân trọng cảm ơn!',
   null),

  ('PAYMENT_DUE', 1, 'en',
   'Reminder: your electricity bill for {{period}} is due on {{dueDate}}',
   E'Dear {{customerName}} (customer code {{customerCode}}),\nYour electricity bill for {{period}} of {{amount}} is due on {{dueDate}}. Please pay on time in the customer care app, at your bank or with an e-wallet. If you have already paid, please disregard this notice.\nThank you, {{unitName}}',
   null),

  ('PAYMENT_OVERDUE', 1, 'vi',
   'Tiền điện kỳ {{period}} đã quá hạn thanh toán',
   E'Kính gửi Quý khách {{customerName}} (mã khách hàng {{customerCode}}),\nĐến nay {{unitName}} chưa nhận được tiền điện kỳ {{period}} số tiền {{amount}}, hạn thanh toán ngày {{dueDate}}. Đề nghị Quý khách thanh toán sớm để tránh bị tạm ngừng cấp điện theo quy định. Nếu Quý khách đã thanh toán, xin vui lòng bỏ qua thông báo này.\nTrân trọng!',
   null),

  ('PAYMENT_OVERDUE', 1, 'en',
   'Your electricity bill for {{period}} is overdue',
   E'Dear {{customerName}} (customer code {{customerCode}}),\n{{unitName}} has not yet received payment of your electricity bill for {{period}} of {{amount}}, which was due on {{dueDate}}. Please pay as soon as possible to avoid suspension of supply under the regulations. If you have already paid, please disregard this notice.\nKind regards, {{unitName}}',
   null),

  ('DISCONNECTION_WARNING', 1, 'vi',
   'Thông báo tạm ngừng cấp điện do chưa thanh toán tiền điện',
   E'Kính gửi Quý khách {{customerName}} (mã khách hàng {{customerCode}}, địa chỉ {{address}}),\nTiền điện kỳ {{period}} số tiền {{amount}} đã quá hạn thanh toán (hạn {{dueDate}}). Nếu Quý khách chưa thanh toán, {{unitName}} sẽ tạm ngừng cấp điện từ ngày {{disconnectionDate}} theo quy định. Việc cấp điện trở lại được thực hiện ngay sau khi Quý khách thanh toán đủ tiền điện.\nNếu Quý khách đã thanh toán, xin vui lòng bỏ qua thông báo này. Trân trọng!',
   null),

  ('DISCONNECTION_WARNING', 1, 'en',
   'Notice of suspension of supply for non-payment',
   E'Dear {{customerName}} (customer code {{customerCode}}, address {{address}}),\nYour electricity bill for {{period}} of {{amount}} is overdue (due on {{dueDate}}). If it remains unpaid, {{unitName}} will suspend the supply from {{disconnectionDate}} under the regulations. Supply is restored as soon as the bill is paid in full.\nIf you have already paid, please disregard this notice. Kind regards.',
   null),

  ('PAYMENT_RECEIVED', 1, 'vi',
   'Xác nhận thanh toán tiền điện kỳ {{period}}',
   E'Kính gửi Quý khách {{customerName}} (mã khách hàng {{customerCode}}),\n{{unitName}} xác nhận đã nhận {{amount}} tiền điện kỳ {{period}} lúc {{paidAt}}. Trân trọng cảm ơn Quý khách!',
   null),

  ('PAYMENT_RECEIVED', 1, 'en',
   'Payment received for {{period}}',
   E'Dear {{customerName}} (customer code {{customerCode}}),\n{{unitName}} confirms receipt of {{amount}} for your electricity bill for {{period}} at {{paidAt}}. Thank you!',
   null),

  ('OUTAGE_STARTED', 1, 'vi',
   'Mất điện khu vực {{area}}',
   '{{unitName}} thông báo: khu vực {{area}} bị mất điện từ {{outageStart}}{{#reason}} do {{reason}}{{/reason}}. Chúng tôi đang khẩn trương khắc phục{{#expectedRestoration}}, dự kiến cấp điện trở lại lúc {{expectedRestoration}}{{/expectedRestoration}}. Vì an toàn, đề nghị Quý khách không đến gần dây điện bị đứt, rơi. Xin lỗi Quý khách vì sự bất tiện này.',
   null),

  ('OUTAGE_STARTED', 1, 'en',
   'Power outage in {{area}}',
   '{{unitName}}: the power supply in {{area}} has been interrupted since {{outageStart}}{{#reason}} due to {{reason}}{{/reason}}. Our crews are working to restore it{{#expectedRestoration}}, expected by {{expectedRestoration}}{{/expectedRestoration}}. For your safety, please keep away from fallen or broken power lines. We apologise for the inconvenience.',
   null),

  ('OUTAGE_RESTORED', 1, 'vi',
   'Đã có điện trở lại khu vực {{area}}',
   '{{unitName}} thông báo: điện đã được cấp trở lại cho khu vực {{area}} lúc {{restoredAt}}. Nếu nhà Quý khách vẫn chưa có điện, xin vui lòng báo cho {{unitName}} qua ứng dụng chăm sóc khách hàng hoặc tổng đài. Cảm ơn Quý khách đã thông cảm!',
   null),

  ('OUTAGE_RESTORED', 1, 'en',
   'Power restored in {{area}}',
   '{{unitName}}: the power supply in {{area}} was restored at {{restoredAt}}. If your home is still without power, please let {{unitName}} know in the customer care app or through the call centre. Thank you for your patience.',
   null),

  ('PLANNED_OUTAGE_SCHEDULED', 1, 'vi',
   'Lịch tạm ngừng cấp điện khu vực {{area}}',
   '{{unitName}} thông báo tạm ngừng cấp điện khu vực {{area}} từ {{outageStart}} đến {{expectedRestoration}} để {{reason}}. Điện có thể được cấp trở lại sớm hơn dự kiến mà không báo trước; vì an toàn, đề nghị Quý khách coi như lưới điện luôn có điện. Xin lỗi Quý khách vì sự bất tiện.',
   null),

  ('PLANNED_OUTAGE_SCHEDULED', 1, 'en',
   'Planned power interruption in {{area}}',
   '{{unitName}} will interrupt the power supply in {{area}} from {{outageStart}} to {{expectedRestoration}} for {{reason}}. Power may return earlier than planned without further notice; for your safety, treat all lines as live at all times. We apologise for the inconvenience.',
   null),

  ('PLANNED_OUTAGE_CHANGED', 1, 'vi',
   'Thay đổi lịch tạm ngừng cấp điện khu vực {{area}}',
   '{{unitName}} thông báo thay đổi lịch tạm ngừng cấp điện khu vực {{area}}: lịch đã báo bắt đầu từ {{previousStart}}, nay chuyển sang từ {{outageStart}} đến {{expectedRestoration}} để {{reason}}. Mong Quý khách thông cảm và chủ động sắp xếp sinh hoạt, sản xuất.',
   null),

  ('PLANNED_OUTAGE_CHANGED', 1, 'en',
   'Change to the planned power interruption in {{area}}',
   '{{unitName}} has changed the planned power interruption in {{area}}: announced to start at {{previousStart}}, it now runs from {{outageStart}} to {{expectedRestoration}} for {{reason}}. We apologise for the inconvenience and ask you to plan accordingly.',
   null),

  ('PLANNED_OUTAGE_CANCELLED', 1, 'vi',
   'Hủy lịch tạm ngừng cấp điện khu vực {{area}}',
   '{{unitName}} thông báo hủy lịch tạm ngừng cấp điện khu vực {{area}} từ {{outageStart}} đến {{expectedRestoration}} đã thông báo trước đó. Khu vực vẫn được cấp điện bình thường. Trân trọng!',
   null),

  ('PLANNED_OUTAGE_CANCELLED', 1, 'en',
   'Planned power interruption in {{area}} cancelled',
   '{{unitName}} has cancelled the planned power interruption in {{area}} from {{outageStart}} to {{expectedRestoration}}. Supply continues as normal. Kind regards.',
   null),

  ('ABNORMAL_CONSUMPTION', 1, 'vi',
   'Điện năng tiêu thụ kỳ {{period}} tăng bất thường',
   E'Kính gửi Quý khách {{customerName}} (mã khách hàng {{customerCode}}),\nĐiện năng tiêu thụ kỳ {{period}} tại địa chỉ {{address}} là {{kwh}} kWh, cao hơn {{changePercent}}% so với mức trung bình {{averageKwh}} kWh của các kỳ trước. Quý khách vui lòng kiểm tra thiết bị điện và hệ thống điện trong nhà; nếu cần kiểm tra công tơ, xin liên hệ {{unitName}}. Trân trọng!',
   null),

  ('ABNORMAL_CONSUMPTION', 1, 'en',
   'Unusually high consumption for {{period}}',
   E'Dear {{customerName}} (customer code {{customerCode}}),\nConsumption for {{period}} at {{address}} was {{kwh}} kWh, {{changePercent}}% above your average of {{averageKwh}} kWh for earlier periods. Please check your appliances and household wiring; if you would like your meter inspected, please contact {{unitName}}. Kind regards.',
   null),

  ('REQUEST_STATUS_CHANGED', 1, 'vi',
   'Cập nhật yêu cầu {{requestCode}}: {{status}}',
   E'Kính gửi Quý khách {{customerName}},\nYêu cầu {{serviceName}} (mã {{requestCode}}) của Quý khách đã chuyển sang trạng thái: {{status}}.{{#note}} {{note}}{{/note}}\nQuý khách có thể theo dõi tiến độ trên ứng dụng chăm sóc khách hàng hoặc cổng dịch vụ điện trực tuyến. {{unitName}} trân trọng cảm ơn!',
   null),

  ('REQUEST_STATUS_CHANGED', 1, 'en',
   'Request {{requestCode}}: {{status}}',
   E'Dear {{customerName}},\nYour request for {{serviceName}} (code {{requestCode}}) is now: {{status}}.{{#note}} {{note}}{{/note}}\nYou can follow its progress in the customer care app or on the online electricity services portal. Thank you, {{unitName}}',
   null),

  ('COMPLAINT_STATUS_CHANGED', 1, 'vi',
   'Cập nhật phản ánh {{requestCode}}: {{status}}',
   E'Kính gửi Quý khách {{customerName}},\nPhản ánh của Quý khách về "{{subject}}" (mã {{requestCode}}) đã chuyển sang trạng thái: {{status}}.{{#note}} {{note}}{{/note}}\n{{unitName}} cảm ơn Quý khách đã phản ánh để chúng tôi phục vụ tốt hơn.',
   null),

  ('COMPLAINT_STATUS_CHANGED', 1, 'en',
   'Complaint {{requestCode}}: {{status}}',
   E'Dear {{customerName}},\nYour complaint about "{{subject}}" (code {{requestCode}}) is now: {{status}}.{{#note}} {{note}}{{/note}}\nThank you for helping {{unitName}} serve you better.',
   null);
