/**
 * Online service requests: the portal's catalog, validation warnings, duplicate detection, triage to automatic
 * forwarding or manual review, and tracking for the customer.
 */
package io.gridcare.requests;
