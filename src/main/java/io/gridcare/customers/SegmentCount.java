package io.gridcare.customers;

/** How many customers are in a group now. */
public record SegmentCount(String kind, String segment, long customers) {
}
