package io.gridcare.customers;

/**
 * External-task topics the customers feature serves to every flow, with their variables and BPMN error codes.
 * A process carries the customer code or the audience's filters; these workers load the data themselves, over
 * GridCare's API.
 */
public final class CustomerTopics {

  /**
   * Reads fields of one customer into process variables: each path of {@link #VAR_CUSTOMER_FIELDS} becomes a
   * variable named by camel-casing it ({@code contact.mobile} to {@code contactMobile}); a path the customer's
   * profile does not have is set to null.
   */
  public static final String CUSTOMER_LOOKUP = "customer-lookup";
  /** Input, string: the customer code. */
  public static final String VAR_CUSTOMER_CODE = "customerCode";
  /**
   * Input, string: comma-separated paths into the profile ({@code identity.fullName,contact.mobile}), plus
   * {@code segment} and {@code regionalGroups}, the customer's groups now. See docs/customer-attributes.md.
   */
  public static final String VAR_CUSTOMER_FIELDS = "customerFields";
  /** GridCare has no customer with this code. */
  public static final String ERROR_CUSTOMER_NOT_FOUND = "Error_CustomerNotFound";
  /** {@link #VAR_CUSTOMER_CODE} is missing or not a customer code. */
  public static final String ERROR_INVALID_CUSTOMER_CODE = "Error_InvalidCustomerCode";

  /** Counts the customers of an audience (filters combine with AND; the values of one list with OR). */
  public static final String AUDIENCE_SIZE = "customer-audience-size";
  /** Input, string: a unit code ({@code PD09}). */
  public static final String VAR_AUDIENCE_UNIT = "audienceUnit";
  /** Input, string: comma-separated substations. */
  public static final String VAR_AUDIENCE_SUBSTATIONS = "audienceSubstations";
  /** Input, string: comma-separated feeders. */
  public static final String VAR_AUDIENCE_FEEDERS = "audienceFeeders";
  /** Input, string: comma-separated meter books. */
  public static final String VAR_AUDIENCE_METER_BOOKS = "audienceMeterBooks";
  /** Input, string: a corporate segment ({@code C1-B5}) or regional group ({@code BOM-TUOI-TIEU}). */
  public static final String VAR_AUDIENCE_SEGMENT = "audienceSegment";
  /** Output, long: how many customers the audience has. */
  public static final String VAR_AUDIENCE_SIZE = "audienceSize";
  /** No filter given, or one GridCare refuses (such as a malformed unit code). */
  public static final String ERROR_INVALID_AUDIENCE = "Error_InvalidAudience";

  private CustomerTopics() {
  }
}
