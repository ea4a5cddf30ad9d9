package io.gridcare.customers;

import java.util.Arrays;
import java.util.Optional;

/** The systems that feed customer profiles. Each owns its part of the profile. */
public enum Source {

  /** Billing (CMIS): identity, address, grid location, contract, bills. */
  BILLING("billing", SourceRecords.Billing.class),
  /** Metering (HES and reading books): meter and monthly consumption. */
  METERING("metering", SourceRecords.Metering.class),
  /** Outage management (OMS): outages that reached the customer, critical load. */
  OUTAGES("outages", SourceRecords.Outages.class),
  /** CRM: contact details, requests, complaints, satisfaction. */
  CRM("crm", SourceRecords.Crm.class),
  /** The care App and Zalo OA: reachability and channel preferences. */
  CHANNELS("channels", SourceRecords.Channels.class);

  private final String path;
  private final Class<? extends SourceRecords.SourceRecord> recordType;

  Source(String path, Class<? extends SourceRecords.SourceRecord> recordType) {
    this.path = path;
    this.recordType = recordType;
  }

  /** The name in URLs: {@code /api/sources/billing/records}. */
  public String path() {
    return path;
  }

  Class<? extends SourceRecords.SourceRecord> recordType() {
    return recordType;
  }

  public static Optional<Source> byPath(String path) {
    return Arrays.stream(values()).filter(source -> source.path.equals(path)).findFirst();
  }
}
