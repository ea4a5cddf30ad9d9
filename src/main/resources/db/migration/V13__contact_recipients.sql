-- Notices to people who are not (yet) customers: a requester with no customer code (name, mobile, maybe e-mail)
-- and phone verification codes. The ledger's customer_code columns now hold a recipient key: a customer code, or
-- 'tel:' and the E.164 digits of a contact's mobile ('tel:84912345678'). A contact is kept in the notice's
-- audience ({"contact": {...}}), not in Customer 360.

alter table notice_delivery alter column customer_code type varchar(24);
alter table delivery_attempt alter column customer_code type varchar(24);
alter table delivery_attempt alter column delivery_key type varchar(64);
-- a verification code belongs to no Power Company
alter table notice_delivery alter column unit_code drop not null;

-- The status of a request whose requester has no customer code yet: the SMS names the customer code only when
-- there is one. A new version of the standard template, where the standard one is still current (a template an
-- administrator changed is theirs to change again).
insert into notice_template_version (notice_type, version, sms_text, sms_may_drop_accents, zns_template_id,
                                     zns_params, comment, created_by)
select v.notice_type, v.version + 1, c.contact_safe, v.sms_may_drop_accents, v.zns_template_id, v.zns_params,
       'Mẫu chuẩn, cả cho người chưa có mã khách hàng / Standard template, also for requesters without a customer code',
       'gridcare'
  from notice_template t
  join notice_template_version v on v.notice_type = t.notice_type and v.version = t.current_version
  join (values
          ('REQUEST_STATUS_CHANGED',
           '{{unitName}} TB: Yêu cầu {{requestCode}} ({{serviceName}}) của KH {{customerCode}}: {{status}}. Trân trọng!',
           '{{unitName}} TB: Yêu cầu {{requestCode}} ({{serviceName}}){{#customerCode}} của KH {{customerCode}}{{/customerCode}}: {{status}}. Trân trọng!'),
          ('COMPLAINT_STATUS_CHANGED',
           '{{unitName}} TB: Phản ánh {{requestCode}} của KH {{customerCode}}: {{status}}. Cảm ơn Quý khách đã phản ánh!',
           '{{unitName}} TB: Phản ánh {{requestCode}}{{#customerCode}} của KH {{customerCode}}{{/customerCode}}: {{status}}. Cảm ơn Quý khách đã phản ánh!'))
       as c (notice_type, standard, contact_safe)
    on c.notice_type = v.notice_type and c.standard = v.sms_text;

insert into notice_template_text (notice_type, version, language, title, body, html)
select x.notice_type, t.current_version + 1, x.language, x.title, x.body, x.html
  from notice_template t
  join notice_template_text x on x.notice_type = t.notice_type and x.version = t.current_version
 where exists (select 1 from notice_template_version v
                where v.notice_type = t.notice_type and v.version = t.current_version + 1);

update notice_template t set current_version = current_version + 1
 where exists (select 1 from notice_template_version v
                where v.notice_type = t.notice_type and v.version = t.current_version + 1);

-- A one-time code proving a person holds a phone number (online requests): one SMS segment unaccented.
insert into notice_template (notice_type, current_version) values ('PHONE_VERIFICATION', 1);

insert into notice_template_version (notice_type, version, sms_text, sms_may_drop_accents, zns_template_id,
                                     zns_params, comment, created_by) values
  ('PHONE_VERIFICATION', 1, 'Ma xac thuc GridCare: {{code}}, hieu luc {{expiresInMinutes}} phut. Khong chia se ma nay.',
   true, '318250', '{"otp": "code", "expires_in": "expiresInMinutes"}',
   'Mẫu chuẩn / Standard template', 'gridcare');

insert into notice_template_text (notice_type, version, language, title, body, html) values
  ('PHONE_VERIFICATION', 1, 'vi',
   'Mã xác thực GridCare',
   E'Mã xác thực của Quý khách là {{code}}.{{#purpose}} Mục đích: {{purpose}}.{{/purpose}}\nMã có hiệu lực trong {{expiresInMinutes}} phút. Không chia sẻ mã này với bất kỳ ai, kể cả nhân viên Điện lực.',
   null),

  ('PHONE_VERIFICATION', 1, 'en',
   'GridCare verification code',
   E'Your verification code is {{code}}.{{#purpose}} Purpose: {{purpose}}.{{/purpose}}\nIt is valid for {{expiresInMinutes}} minutes. Do not share it with anyone, Power Company staff included.',
   null);
