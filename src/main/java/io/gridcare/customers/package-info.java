/**
 * Customer 360: one profile per customer assembled from the source systems, segmented by DMN, searchable.
 */
package io.gridcare.customers;
