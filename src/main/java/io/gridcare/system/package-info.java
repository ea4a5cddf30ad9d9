/**
 * Shared configuration every feature stands on: roles, local infrastructure, security and API conventions.
 */
package io.gridcare.system;
