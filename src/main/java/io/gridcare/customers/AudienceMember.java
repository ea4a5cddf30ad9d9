package io.gridcare.customers;

/** A customer of an audience, with the unit and the place on the grid a notice's statistics count it under. */
public record AudienceMember(String code, String unitCode, String substation, String meterBook) {
}
