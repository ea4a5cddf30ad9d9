/**
 * The local stack for a machine with only a JDK: PostgreSQL and a search node started from Maven artifacts,
 * with all their state in the data directory.
 */
package io.gridcare.system.embedded;
