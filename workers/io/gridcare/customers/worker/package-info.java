/**
 * Workers of the customers feature: customer data for every flow, read over GridCare's API.
 */
package io.gridcare.customers.worker;
