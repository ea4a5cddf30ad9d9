/**
 * Authentication against Camunda's identity service for the APIs, the engine's REST API and metrics.
 */
package io.gridcare.system.security;
