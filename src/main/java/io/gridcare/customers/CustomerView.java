package io.gridcare.customers;

import java.util.List;

/** A customer as staff see it: the profile, the groups the customer is in now, and the stays in groups. */
public record CustomerView(CustomerProfile profile, String segment, List<String> regionalGroups,
                           List<SegmentMembership> segmentHistory) {
}
