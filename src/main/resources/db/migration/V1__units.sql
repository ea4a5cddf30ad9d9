-- Power Companies (Điện lực). Seeded with the 30 units of EVNHANOI; other corporations are added through the API.
create table unit (
  code        varchar(8)   primary key,
  name        varchar(100) not null,
  corporation varchar(16)  not null,
  version     integer      not null
);

insert into unit (code, name, corporation, version) values
  ('PD01', 'Điện lực Hoàn Kiếm', 'EVNHANOI', 0),
  ('PD02', 'Điện lực Hai Bà Trưng', 'EVNHANOI', 0),
  ('PD03', 'Điện lực Ba Đình', 'EVNHANOI', 0),
  ('PD04', 'Điện lực Đống Đa', 'EVNHANOI', 0),
  ('PD05', 'Điện lực Nam Từ Liêm', 'EVNHANOI', 0),
  ('PD06', 'Điện lực Thanh Trì', 'EVNHANOI', 0),
  ('PD07', 'Điện lực Gia Lâm', 'EVNHANOI', 0),
  ('PD08', 'Điện lực Đông Anh', 'EVNHANOI', 0),
  ('PD09', 'Điện lực Sóc Sơn', 'EVNHANOI', 0),
  ('PD10', 'Điện lực Tây Hồ', 'EVNHANOI', 0),
  ('PD11', 'Điện lực Thanh Xuân', 'EVNHANOI', 0),
  ('PD12', 'Điện lực Cầu Giấy', 'EVNHANOI', 0),
  ('PD13', 'Điện lực Hoàng Mai', 'EVNHANOI', 0),
  ('PD14', 'Điện lực Long Biên', 'EVNHANOI', 0),
  ('PD15', 'Điện lực Mê Linh', 'EVNHANOI', 0),
  ('PD16', 'Điện lực Hà Đông', 'EVNHANOI', 0),
  ('PD17', 'Điện lực Sơn Tây', 'EVNHANOI', 0),
  ('PD18', 'Điện lực Chương Mỹ', 'EVNHANOI', 0),
  ('PD19', 'Điện lực Thạch Thất', 'EVNHANOI', 0),
  ('PD20', 'Điện lực Thường Tín', 'EVNHANOI', 0),
  ('PD21', 'Điện lực Ba Vì', 'EVNHANOI', 0),
  ('PD22', 'Điện lực Đan Phượng', 'EVNHANOI', 0),
  ('PD23', 'Điện lực Hoài Đức', 'EVNHANOI', 0),
  ('PD24', 'Điện lực Mỹ Đức', 'EVNHANOI', 0),
  ('PD25', 'Điện lực Phú Xuyên', 'EVNHANOI', 0),
  ('PD26', 'Điện lực Phúc Thọ', 'EVNHANOI', 0),
  ('PD27', 'Điện lực Quốc Oai', 'EVNHANOI', 0),
  ('PD28', 'Điện lực Thanh Oai', 'EVNHANOI', 0),
  ('PD29', 'Điện lực Ứng Hòa', 'EVNHANOI', 0),
  ('PD30', 'Điện lực Bắc Từ Liêm', 'EVNHANOI', 0);
