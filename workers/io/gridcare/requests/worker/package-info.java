/**
 * Workers of online service requests: handing forwarded requests to the Power Companies' own systems.
 */
package io.gridcare.requests.worker;
