-- Fingerprint of the segment decisions' inputs and versions at the last evaluation: a record that changes
-- neither (most CRM and outage records) does not evaluate the decisions again.
alter table customer add column segment_inputs varchar(64);
