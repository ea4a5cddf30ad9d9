/**
 * Command-line tools in the same jar ({@code java -jar gridcare.jar import ...}): clients of a running server's
 * API that never start one themselves.
 */
package io.gridcare.cli;
